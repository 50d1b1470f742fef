package io.loyaltybridge.support;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgLeases;
import io.loyaltybridge.store.PgSyncSources;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The core's state read from the test's JVM while the app runs (or lies dead) in a child process: the same
 * repositories over the same database, with the flat test program, and no Camel.
 */
public final class CoreView implements AutoCloseable {
    private final Database database;
    private final Core core;

    public CoreView(String databaseUrl) {
        database = Database.connect(databaseUrl, null, null, 3);
        core = Core.assemble(database.dataSource(), ProgramFile.load(StoreFixture.FLAT_PROGRAM), Clock.systemUTC());
    }

    public Optional<Member> member(String system, String crmId) {
        return core.transactions().read(() -> core.members().byIdentity(new CrmIdentity(system, crmId)));
    }

    /** The member's points, or -1 when the CRM record has no member yet. */
    public long points(String system, String crmId) {
        return member(system, crmId).map(m -> core.transactions().read(() -> core.profiles().of(List.of(m.id())))
                .get(m.id()).points()).orElse(-1L);
    }

    public Optional<PgSyncSources.Source> source(String system, String object) {
        return core.transactions().read(() -> core.syncStores().sources().get(system, object));
    }

    public long outboxDepth(String system) {
        return core.transactions().read(() -> core.syncStores().outbox().depth(system));
    }

    public List<LedgerCheck.Mismatch> ledgerMismatches() {
        return core.ledgerCheck().mismatches();
    }

    /** Who holds the named lease now, or null when nobody does. */
    public String leaseHolder(String name) {
        PgLeases leases = new PgLeases(core.transactions());
        return core.transactions().read(() -> leases.holder(name));
    }

    @Override
    public void close() {
        database.close();
    }
}
