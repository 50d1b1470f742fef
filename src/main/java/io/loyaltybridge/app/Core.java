package io.loyaltybridge.app;

import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerPorts;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.domain.notify.MemberEvents;
import io.loyaltybridge.domain.notify.RecordedEffects;
import io.loyaltybridge.domain.notify.RecordingLedger;
import io.loyaltybridge.domain.notify.RecordingRisks;
import io.loyaltybridge.domain.notify.RecordingSegments;
import io.loyaltybridge.domain.notify.RecordingTiers;
import io.loyaltybridge.domain.program.MemberJoin;
import io.loyaltybridge.domain.program.MemberStandings;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.StandingProfiles;
import io.loyaltybridge.domain.program.expiry.MemberExpiry;
import io.loyaltybridge.domain.program.jobs.JobPorts;
import io.loyaltybridge.domain.program.jobs.ProgramJobs;
import io.loyaltybridge.domain.program.segments.ShownSegments;
import io.loyaltybridge.domain.program.tiers.TierGrantService;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;
import io.loyaltybridge.notify.NotifyOptions;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgDowngradeRisks;
import io.loyaltybridge.store.PgGrantedBadges;
import io.loyaltybridge.store.PgJobRuns;
import io.loyaltybridge.store.PgLedgerEntries;
import io.loyaltybridge.store.PgMemberActivity;
import io.loyaltybridge.store.PgMemberContexts;
import io.loyaltybridge.store.PgMemberEvents;
import io.loyaltybridge.store.PgMemberTiers;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.PgOrders;
import io.loyaltybridge.store.PgReferrals;
import io.loyaltybridge.store.PgSegmentStore;
import io.loyaltybridge.store.PgTierGrants;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ApiBudgets;
import io.loyaltybridge.sync.CrmReaders;
import io.loyaltybridge.sync.ProgressBoard;
import io.loyaltybridge.sync.SettleLanes;
import io.loyaltybridge.sync.SyncStores;

import java.time.Clock;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The loyalty core assembled over one database and one program: repositories, domain services, jobs and the
 * sync's stores. The application wires Camel around it; tests build it directly, with a clock they control.
 */
public record Core(Program program, Clock clock, Transactions transactions, PgMembers members, PgOrders orders,
                   PgLedgerEntries ledger, PgMemberTiers tiers, PgSegmentStore segments,
                   LedgerService ledgerService, MemberService memberService, MemberJoin memberJoin,
                   MemberStandings standings, LoyaltyProfiles profiles, ProgramJobs jobs, SyncStores syncStores,
                   LedgerCheck ledgerCheck, EngineServices engine, ProgressBoard progress, CrmReaders crmReaders,
                   Lock ingestLock, ApiBudgets apiBudgets, TierGrantService tierGrants, PgJobRuns jobRuns,
                   SettleLanes settleLanes) {

    /** Where the CRM feedback readers and the API hand survey answers (issue 19): stored, rewarded, with cursors. */
    public io.loyaltybridge.sync.FeedbackIngest feedback() {
        return new io.loyaltybridge.sync.FeedbackIngest(transactions, syncStores, program, clock);
    }

    public static Core assemble(DataSource dataSource, Program program, Clock clock) {
        return assemble(dataSource, program, clock, NotifyOptions.OFF);
    }

    /** With notifications: the ports that make a notifiable change record its event in the same transaction. */
    public static Core assemble(DataSource dataSource, Program program, Clock clock, NotifyOptions notify) {
        return assemble(dataSource, program, clock, notify, SettleLanes.ONE, ShownSegments.Fields.ALL);
    }

    /** {@code settleLanes}: the threads large CRM batches settle on ({@code loyalty.settle.partitions}). */
    public static Core assemble(DataSource dataSource, Program program, Clock clock, NotifyOptions notify,
                                SettleLanes settleLanes) {
        return assemble(dataSource, program, clock, notify, settleLanes, ShownSegments.Fields.ALL);
    }

    /** {@code shown}: the segment values the CRMs switched on show; a recompute queues a member only when one moved. */
    public static Core assemble(DataSource dataSource, Program program, Clock clock, NotifyOptions notify,
                                ShownSegments.Fields shown) {
        return assemble(dataSource, program, clock, notify, SettleLanes.ONE, shown);
    }

    public static Core assemble(DataSource dataSource, Program program, Clock clock, NotifyOptions notify,
                                SettleLanes settleLanes, ShownSegments.Fields shown) {
        Transactions tx = new Transactions(dataSource);
        PgMemberEvents events = notify.events(tx);
        PgMembers members = new PgMembers(tx);
        PgOrders orders = new PgOrders(tx);
        PgLedgerEntries ledger = new PgLedgerEntries(tx, clock);
        PgMemberTiers tiers = new PgMemberTiers(tx);
        LedgerEntries recordedLedger = new RecordingLedger(ledger, events);
        RecordingTiers recordedTiers = new RecordingTiers(tiers, program.tiers(), events, clock);
        PgMemberActivity activity = new PgMemberActivity(tx, program);
        PgSegmentStore segments = new PgSegmentStore(tx, program, shown);
        PgGrantedBadges badges = new PgGrantedBadges(tx);
        PgReferrals referrals = new PgReferrals(tx);
        PgMemberContexts contexts = new PgMemberContexts(tx, new TierPolicy(program.tiers()),
                program.tiers().lowest().name(), program.zone(), clock);
        TierUpgrades upgrades = new TierUpgrades(program, recordedTiers, activity, clock);
        OrderEffects effects = RecordedEffects.of(program, badges, referrals, segments, recordedLedger, upgrades, events,
                clock);
        LedgerService ledgerService = new LedgerService(tx, new LedgerPorts(members, orders, recordedLedger, contexts),
                program, effects, new MemberExpiry(program, ledger, clock), clock);
        ProgressBoard progress = new ProgressBoard(clock);
        TierGrantService tierGrants = new TierGrantService(tx, members, recordedTiers, new PgTierGrants(tx),
                upgrades::recheck, recordedTiers, program, clock);
        PgJobRuns jobRuns = new PgJobRuns(tx, dataSource);
        // The members' latest survey answers: their CRM fields and the detractors segment (issue 19).
        var latestFeedback = new io.loyaltybridge.store.PgLatestFeedback(tx, program.zone());
        JobPorts ports = new JobPorts(tx, members, recordedLedger, recordedTiers, activity, orders, ledgerService,
                jobRuns, new io.loyaltybridge.domain.feedback.FeedbackSegments(new RecordingSegments(segments, events,
                notify.winBackRisk(), program.zone(), clock), latestFeedback, program.feedback(), clock),
                progress);
        MemberStandings standings = new MemberStandings(program, ports, badges, clock);
        return new Core(program, clock, tx, members, orders, ledger, tiers, segments, ledgerService,
                new MemberService(tx, members, ledger), new MemberJoin(tx, members, referrals, recordedLedger, program, clock),
                standings, new io.loyaltybridge.domain.feedback.FeedbackProfiles(new StandingProfiles(standings, program),
                latestFeedback), new ProgramJobs(program, ports, tierGrants,
                new RecordingRisks(new PgDowngradeRisks(tx), events, clock), contestPorts(tx, program, badges, events),
                clock),
                SyncStores.open(tx, events), new LedgerCheck(tx), EngineServices.assemble(tx, members, recordedLedger, contexts,
                upgrades, program, clock), progress, new CrmReaders(),
                // One CRM batch at a time in this process: the connectors' batches share members (one person in
                // both CRMs), so run side by side they only deadlock each other.
                new ReentrantLock(), new ApiBudgets(), tierGrants, jobRuns, settleLanes);
    }

    /** Contest prizes and badges recording their member events, as the contest close job grants them. */
    private static io.loyaltybridge.domain.program.contests.ContestPorts contestPorts(Transactions tx, Program program,
            PgGrantedBadges badges, io.loyaltybridge.domain.notify.MemberEvents events) {
        return new io.loyaltybridge.domain.program.contests.ContestPorts(
                new io.loyaltybridge.store.PgContestStandings(tx, program),
                new io.loyaltybridge.domain.notify.RecordingContestPrizes(
                        new io.loyaltybridge.store.PgContestPrizes(tx), events),
                new io.loyaltybridge.domain.notify.RecordingBadges(badges, events));
    }
}
