package io.loyaltybridge.support;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgLedgerEntries;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.PgOrders;
import io.loyaltybridge.store.Transactions;

import java.nio.file.Path;
import java.time.Clock;

/** The core over a fresh, migrated test database: what store and engine tests work against. */
public final class StoreFixture implements AutoCloseable {
    /** One point per whole euro kept, at once; no multipliers, expiry or tiers beyond one. */
    public static final Path FLAT_PROGRAM = Path.of("src/test/resources/programs/flat.yaml");

    public final Database database;
    public final Core core;
    public final Transactions transactions;
    public final PgMembers members;
    public final PgOrders orders;
    public final PgLedgerEntries ledger;
    public final LedgerService ledgerService;
    public final MemberService memberService;
    public final LedgerCheck check;

    public StoreFixture() {
        this(ProgramFile.load(FLAT_PROGRAM), Clock.systemUTC());
    }

    public StoreFixture(Program program, Clock clock) {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 30).migrate();
        core = Core.assemble(database.dataSource(), program, clock);
        transactions = core.transactions();
        members = core.members();
        orders = core.orders();
        ledger = core.ledger();
        ledgerService = core.ledgerService();
        memberService = core.memberService();
        check = core.ledgerCheck();
    }

    @Override
    public void close() {
        database.close();
    }
}
