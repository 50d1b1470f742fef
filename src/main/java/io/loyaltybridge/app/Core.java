package io.loyaltybridge.app;

import io.loyaltybridge.domain.ledger.LedgerPorts;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.TierPolicy;
import io.loyaltybridge.domain.program.TierUpgrades;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgLedgerEntries;
import io.loyaltybridge.store.PgLoyaltyProfiles;
import io.loyaltybridge.store.PgMemberActivity;
import io.loyaltybridge.store.PgMemberContexts;
import io.loyaltybridge.store.PgMemberTiers;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.PgOrders;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.SyncStores;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The loyalty core assembled over one database and one program: repositories, domain services and the sync's
 * stores. The application wires Camel around it; tests build it directly, with a clock they control.
 */
public record Core(Program program, Clock clock, Transactions transactions, PgMembers members, PgOrders orders,
                   PgLedgerEntries ledger, PgMemberTiers tiers, PgMemberActivity activity,
                   PgLoyaltyProfiles profiles, LedgerService ledgerService, MemberService memberService,
                   SyncStores syncStores, LedgerCheck ledgerCheck, EngineServices engine) {

    public static Core assemble(DataSource dataSource, Program program, Clock clock) {
        Transactions tx = new Transactions(dataSource);
        PgMembers members = new PgMembers(tx);
        PgOrders orders = new PgOrders(tx);
        PgLedgerEntries ledger = new PgLedgerEntries(tx, clock);
        PgMemberTiers tiers = new PgMemberTiers(tx);
        PgMemberActivity activity = new PgMemberActivity(tx, program.zone());
        PgMemberContexts contexts = new PgMemberContexts(tx, new TierPolicy(program.tiers()),
                program.tiers().lowest().name());
        LedgerService ledgerService = new LedgerService(tx, new LedgerPorts(members, orders, ledger, contexts),
                program, new TierUpgrades(program, tiers, activity, clock), clock);
        return new Core(program, clock, tx, members, orders, ledger, tiers, activity, new PgLoyaltyProfiles(tx),
                ledgerService, new MemberService(tx, members, ledger), SyncStores.open(tx), new LedgerCheck(tx),
                EngineServices.assemble(tx, members, ledger, contexts, program, clock));
    }
}
