package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerPorts;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.notify.RecordedEffects;
import io.loyaltybridge.domain.notify.RecordingLedger;
import io.loyaltybridge.domain.notify.RecordingTiers;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Settles a batch of orders in memory, over a snapshot of its members: the same ledger use case, earning rules,
 * rewards and tier upgrades as an order settled alone, in the batch's order (a member's later order sees what their
 * earlier one changed: its tier, its campaign totals, its badges), against ports that read the snapshot and
 * remember what was written. Nothing here touches the database; the store writes the {@link Changes} in one go.
 */
public final class BatchSettlement {
    /** Runs the use case's work at once: the batch's one transaction is the caller's. */
    private static final UnitOfWork IN_BATCH = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final Program program;
    private final Clock clock;
    private final TierPolicy policy;

    public BatchSettlement(Program program, Clock clock) {
        this.program = program;
        this.clock = clock;
        this.policy = new TierPolicy(program.tiers());
    }

    /** The earliest day tier qualification of members who joined at these times looks back to, today. */
    public LocalDate grantsFrom(Collection<Instant> joinedAt) {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        return joinedAt.stream().map(at -> policy.previousWindow(today, at.atZone(program.zone()).toLocalDate())
                .start()).min(LocalDate::compareTo).orElse(today);
    }

    /**
     * Called before each order settles, with the batch's tier states: the what-if sets there the staff tier grant
     * that was in force when the order was placed (the live path reads the grant stored today).
     */
    public interface BeforeOrder {
        void before(OrderSubmission next, MemberTiers tiers);
    }

    /** Settles the orders in turn; any failure leaves the snapshot's state unwritten (the caller falls back). */
    public Changes settle(Snapshot snapshot, List<OrderSubmission> submissions) {
        return settle(snapshot, submissions, (next, tiers) -> { });
    }

    /** As {@link #settle(Snapshot, List)}, with {@code before} called before each order. */
    public Changes settle(Snapshot snapshot, List<OrderSubmission> submissions, BeforeOrder before) {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        BatchEvents events = new BatchEvents();
        BatchOrders orders = new BatchOrders(snapshot, program);
        BatchLedger ledger = new BatchLedger(snapshot, clock, program.zone());
        BatchTiers tiers = new BatchTiers(snapshot);
        BatchBadges badges = new BatchBadges(snapshot);
        BatchReferrals referrals = new BatchReferrals(snapshot);
        BatchActivity activity = new BatchActivity(snapshot, orders, ledger, program);
        BatchContexts contexts = new BatchContexts(snapshot, tiers, policy, program.tiers().lowest().name(), today);
        LedgerEntries recordedLedger = new RecordingLedger(ledger, events);
        // Composed as for an order settled alone, over the batch's ports.
        OrderEffects effects = RecordedEffects.of(program, badges, referrals, activity, recordedLedger,
                new TierUpgrades(program, new RecordingTiers(tiers, program.tiers(), events, clock), activity, clock),
                events, clock);
        LedgerService service = new LedgerService(IN_BATCH, new LedgerPorts(new BatchMembers(snapshot), orders,
                recordedLedger, contexts), program, effects, member -> 0L, clock);
        for (OrderSubmission submission : submissions) {
            before.before(submission, tiers);
            service.submitOrder(submission);
        }
        return new Changes(orders.created(), orders.changed(), orders.earnings(), ledger.appended(), ledger.moves(),
                contexts.added(), tiers.changed(), badges.granted(), badges.revoked(), referrals.changed(),
                events.recorded());
    }
}
