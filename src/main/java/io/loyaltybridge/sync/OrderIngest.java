package io.loyaltybridge.sync;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderAcceptance;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.PgOrderBatchLookups;
import io.loyaltybridge.store.PgSettlementWrites;
import io.loyaltybridge.store.Transactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes CRM orders in through the ledger, which writes only what changed. An order of a contact we have not seen
 * is dead-lettered waiting for that contact, and replayed as soon as the contact arrives.
 */
public final class OrderIngest {
    /** CRM clocks and ours differ, and a shop in another time zone may date an order by its own calendar day. */
    private final Transactions tx;
    private final PgMembers members;
    private final PgErasure erasure;
    private final SyncStores stores;
    private final LedgerService ledger;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(OrderIngest.class);
    private final PgOrderBatchLookups lookups;
    private final BatchIngest batches;
    private final AtomicLong settledOneByOne = new AtomicLong();
    private final FeedbackIngest feedback;

    public OrderIngest(Transactions tx, SyncStores stores, LedgerService ledger) {
        this(tx, stores, ledger, Clock.systemUTC());
    }

    public OrderIngest(Transactions tx, SyncStores stores, LedgerService ledger, Clock clock) {
        this(tx, stores, ledger, clock, SettleLanes.ONE);
    }

    /** {@code lanes}: the threads a large batch is settled on, in parts by member ({@link SettleLanes}). */
    public OrderIngest(Transactions tx, SyncStores stores, LedgerService ledger, Clock clock, SettleLanes lanes) {
        this.clock = clock;
        this.tx = tx;
        this.members = new PgMembers(tx);
        this.erasure = new PgErasure(tx);
        this.stores = stores;
        this.ledger = ledger;
        this.lookups = new PgOrderBatchLookups(tx);
        this.batches = new BatchIngest(tx, stores, ledger, clock, lanes);
        this.feedback = new FeedbackIngest(tx, stores, ledger.program(), clock);
    }

    /**
     * Takes a batch of CRM orders in, set-wise, in one transaction with a fixed number of statements whatever its
     * size ({@link BatchIngest}); the cursor advances with it. A batch the set-wise path cannot judge alone is
     * settled one order at a time instead, in the same transaction.
     */
    public IngestReport apply(List<InboundOrder> batch, SourceCursor cursor) {
        return tx.inTransaction(() -> {
            try {
                return tx.inSavepoint(() -> batches.apply(batch, cursor));
            } catch (RuntimeException reason) {
                if (Failures.classify(reason) == ErrorClass.RETRIABLE) {
                    throw reason;
                }
                // A Fallback, a Diverged write, or an order the database refuses: the one-by-one path judges each
                // order alone and dead-letters the one that fails.
                settledOneByOne.incrementAndGet();
                if (reason instanceof BatchIngest.Fallback || reason instanceof PgSettlementWrites.Diverged) {
                    LOG.debug("Batch of {} orders settled one by one: {}", batch.size(), reason.getMessage());
                } else {
                    LOG.warn("Batch of {} orders settled one by one after {}", batch.size(),
                            reason.getClass().getSimpleName());
                }
                return applyOneByOne(batch, cursor);
            }
        });
    }

    /** How many batches were settled in parts on several lanes since start. */
    public long batchesSettledInParts() {
        return batches.partedBatches();
    }

    /** How many batches fell back to the one-by-one path since start (rare: see {@link BatchIngest}). */
    public long batchesSettledOneByOne() {
        return settledOneByOne.get();
    }

    /**
     * The per-order path: each order settled alone, in a savepoint, through the ledger's use case. It is the oracle
     * the set-wise path is held to (the differential test settles the same histories both ways).
     */
    public IngestReport applyOneByOne(List<InboundOrder> batch, SourceCursor cursor) {
        return tx.inTransaction(() -> {
            IngestReport report = IngestReport.NONE;
            OrderBatch known = OrderBatch.load(lookups, batch);
            for (InboundOrder order : batch) {
                report = report.plus(one(order, known));
            }
            if (cursor != null) {
                stores.sources().advance(cursor.system(), cursor.object(), cursor.watermark(), report.taken());
            }
            return report;
        });
    }

    /** A survey answer set aside (waiting for its contact, or invalid), replayed by hand. */
    IngestReport feedbackOne(InboundFeedback answer) {
        return feedback.one(answer);
    }

    IngestReport one(InboundOrder order) {
        return one(order, OrderBatch.NONE);
    }

    private IngestReport one(InboundOrder order, OrderBatch known) {
        try {
            boolean taken = tx.inSavepoint(() -> take(order, known));
            if (taken) {
                known.taken(order);
            }
            return taken ? new IngestReport(1, 0, 0) : new IngestReport(0, 1, 0);
        } catch (RuntimeException failure) {
            if (Failures.classify(failure) == ErrorClass.RETRIABLE) {
                throw failure;
            }
            String waitingFor = failure instanceof Failures.UnknownContact
                    ? InboundContact.waitKey(order.system(), order.contactExternalId()) : null;
            stores.deadLetters().add(order.system(), "inbound", "order", order.externalId(), InboundJson.write(order),
                    Failures.code(failure), Failures.message(failure), waitingFor);
            return new IngestReport(0, 0, 1);
        }
    }

    /** Replays the orders that were waiting for a contact that has just been taken in. */
    void replayWaitingFor(String key) {
        stores.deadLetters().waitingFor(key).forEach(this::replay);
    }

    /**
     * Replays one waiting order (or survey answer: they wait for contacts the same way); its letter is closed when
     * the record was taken in (or is no longer needed).
     */
    void replay(PgDeadLetters.DeadLetter letter) {
        IngestReport report = "feedback".equals(letter.recordType())
                ? feedback.one(InboundJson.feedback(letter.payload())) : one(InboundJson.order(letter.payload()));
        if (report.deadLettered() == 0) {
            stores.deadLetters().markReplayed(letter.id());
        }
    }

    private boolean take(InboundOrder order, OrderBatch known) {
        requireComplete(order, clock.instant());
        OrderKey key = new OrderKey(order.system(), order.externalId());
        Optional<Instant> seen = known.sourceModifiedAt(order).orElseGet(() -> stores.orders().sourceModifiedAt(key));
        if (seen.isPresent() && seen.get() != null && order.modifiedAt() != null
                && !order.modifiedAt().isAfter(seen.get())) {
            return false;
        }
        Optional<MemberId> owner = known.member(order).or(() -> members.byIdentity(new CrmIdentity(order.system(),
                order.contactExternalId())).map(Member::id));
        if (owner.isEmpty()) {
            if (erasure.erasedAmong(order.system(), List.of(order.contactExternalId())).isEmpty()) {
                throw new Failures.UnknownContact("contact " + order.contactExternalId() + " of order "
                        + order.externalId() + " has not been synced");
            }
            // The contact's member was erased. A change to an order taken in before still moves that member's
            // ledger (a refund takes its points back); a new order is not taken in, as nothing may link the
            // person to a member again.
            owner = stores.orders().byKey(key).map(stored -> stored.order().member());
            if (owner.isEmpty()) {
                return false;
            }
        }
        ledger.submitOrder(new OrderSubmission(MemberRef.byId(owner.get()), key, order.total(),
                new CurrencyCode(order.currency()), order.placedAt(), order.status(),
                order.refundedAmount() == null ? BigDecimal.ZERO : order.refundedAmount(), order.lines()));
        if (order.modifiedAt() != null) {
            stores.orders().sourceModified(key, order.modifiedAt());
        }
        return true;
    }

    /** CRM records can lack anything; say which fields by the rules every source is held to. */
    static void requireComplete(InboundOrder order, Instant now) {
        List<Violation> problems = OrderAcceptance.violations(new OrderAcceptance.Report(order.externalId(),
                "contact", order.contactExternalId() != null && !order.contactExternalId().isBlank(), order.total(),
                order.currency(), order.placedAt(), order.status(), order.refundedAmount(), order.lines()), now);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
