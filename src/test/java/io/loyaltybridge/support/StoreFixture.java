package io.loyaltybridge.support;

import io.loyaltybridge.domain.ledger.FlatEarnPolicy;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgLedgerEntries;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.PgOrders;
import io.loyaltybridge.store.Transactions;

import java.time.Clock;

/** The store and the domain services over a fresh, migrated test database: what store tests work against. */
public final class StoreFixture implements AutoCloseable {
    public final Database database;
    public final Transactions transactions;
    public final PgMembers members;
    public final PgOrders orders;
    public final PgLedgerEntries ledger;
    public final LedgerService ledgerService;
    public final MemberService memberService;
    public final LedgerCheck check;

    public StoreFixture() {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 30).migrate();
        transactions = new Transactions(database.dataSource());
        members = new PgMembers(transactions);
        orders = new PgOrders(transactions);
        Clock clock = Clock.systemUTC();
        ledger = new PgLedgerEntries(transactions, clock);
        ledgerService = new LedgerService(transactions, members, orders, ledger, new FlatEarnPolicy(), clock);
        memberService = new MemberService(transactions, members, ledger);
        check = new LedgerCheck(transactions);
    }

    @Override
    public void close() {
        database.close();
    }
}
