package io.loyaltybridge.sync;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.ledger.batch.BatchSettlement;
import io.loyaltybridge.domain.ledger.batch.Changes;
import io.loyaltybridge.domain.ledger.batch.Partitions;
import io.loyaltybridge.domain.ledger.batch.Snapshot;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.PgOrderBatchLookups;
import io.loyaltybridge.store.PgSettlementSnapshot;
import io.loyaltybridge.store.PgSettlementWrites;
import io.loyaltybridge.store.Transactions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch of CRM orders settled set-wise, in the caller's transaction, in three steps and three places: the store
 * locks the batch's members and loads what settling them reads ({@link PgSettlementSnapshot}, nine statements),
 * the domain settles every order in memory in the batch's order ({@link BatchSettlement}), and the store writes
 * what changed with one statement per table ({@link PgSettlementWrites}). Orders that cannot be taken in (invalid,
 * contact not synced yet) are dead-lettered as by the one-by-one path. What the in-memory settlement cannot judge
 * alone (an order of an erased contact, an order failing mid-way, a write the database already holds) makes the
 * whole batch {@link Fallback} to the one-by-one path, which is the oracle this path is tested against. With
 * {@code loyalty.settle.partitions} above one, a large batch is cut by member into parts settled side by side, each
 * in its own transaction ({@link #settle}).
 */
final class BatchIngest {
    /** The batch is to be settled one order at a time instead; nothing of it was written. */
    static final class Fallback extends RuntimeException {
        Fallback(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * Below this many orders a part, a part's own statements and commit cost more than the second core gives back
     * (a window of change events is mostly a few dozen orders; a backfill page is thousands).
     */
    static final int MIN_ORDERS_PER_PART = 50;

    private record Letter(InboundOrder order, RuntimeException failure, String waitingFor) {
    }

    private final SyncStores stores;
    private final PgOrderBatchLookups lookups;
    private final PgErasure erasure;
    private final PgSettlementSnapshot snapshots;
    private final PgSettlementWrites writes;
    private final BatchSettlement settlement;
    private final Clock clock;
    private final Transactions tx;
    private final SettleLanes lanes;
    private final AtomicLong partedBatches = new AtomicLong();

    BatchIngest(Transactions tx, SyncStores stores, LedgerService ledger, Clock clock, SettleLanes lanes) {
        this.tx = tx;
        this.lanes = lanes;
        this.stores = stores;
        this.lookups = new PgOrderBatchLookups(tx);
        this.erasure = new PgErasure(tx);
        this.snapshots = new PgSettlementSnapshot(tx, ledger.program());
        this.writes = new PgSettlementWrites(tx, stores.events());
        this.settlement = new BatchSettlement(ledger.program(), ledger.clock());
        this.clock = clock;
    }

    IngestReport apply(List<InboundOrder> batch, SourceCursor cursor) {
        if (batch.stream().anyMatch(o -> o.system() == null || o.externalId() == null)) {
            throw new Fallback("an order without a source or id", null);
        }
        OrderBatch known = OrderBatch.load(lookups, batch);
        Set<String> erased = erasedContacts(batch, known);
        List<OrderSubmission> submissions = new ArrayList<>();
        Map<OrderKey, Instant> modified = new LinkedHashMap<>();
        List<Letter> letters = new ArrayList<>();
        int skipped = 0;
        Instant now = clock.instant();
        for (InboundOrder order : batch) {
            try {
                OrderIngest.requireComplete(order, now);
            } catch (InvalidInput invalid) {
                letters.add(new Letter(order, invalid, null));
                continue;
            }
            Optional<Instant> seen = known.sourceModifiedAt(order).orElseThrow();
            if (seen.isPresent() && order.modifiedAt() != null && !order.modifiedAt().isAfter(seen.get())) {
                skipped++;
                continue;
            }
            Optional<MemberId> owner = known.member(order);
            if (owner.isEmpty()) {
                if (erased.contains(order.system() + "\n" + order.contactExternalId())) {
                    throw new Fallback("an order of an erased contact", null);
                }
                letters.add(new Letter(order, new Failures.UnknownContact("contact " + order.contactExternalId()
                        + " of order " + order.externalId() + " has not been synced"),
                        InboundContact.waitKey(order.system(), order.contactExternalId())));
                continue;
            }
            OrderKey key = new OrderKey(order.system(), order.externalId());
            submissions.add(new OrderSubmission(MemberRef.byId(owner.get()), key, order.total(),
                    new CurrencyCode(order.currency()), order.placedAt(), order.status(),
                    order.refundedAmount() == null ? BigDecimal.ZERO : order.refundedAmount(), order.lines()));
            if (order.modifiedAt() != null) {
                modified.merge(key, order.modifiedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            known.taken(order);
        }
        settle(submissions, modified);
        letters.forEach(l -> stores.deadLetters().add(l.order().system(), "inbound", "order", l.order().externalId(),
                InboundJson.write(l.order()), Failures.code(l.failure()), Failures.message(l.failure()),
                l.waitingFor()));
        IngestReport report = new IngestReport(submissions.size(), skipped, letters.size());
        if (cursor != null) {
            stores.sources().advance(cursor.system(), cursor.object(), cursor.watermark(), report.taken());
        }
        return report;
    }

    /**
     * With more than one lane and a batch large enough, the batch is cut into parts by member ({@link Partitions})
     * and each part settled in a transaction of its own, side by side; the caller's transaction then writes the dead
     * letters and moves the cursor once every part committed. A part that fails leaves the parts that committed:
     * the batch is settled again one by one (or retried whole), where their orders are found settled already and
     * write nothing twice (every write is keyed; re-reads are skipped by their stored version).
     */
    private void settle(List<OrderSubmission> submissions, Map<OrderKey, Instant> modified) {
        if (submissions.isEmpty()) {
            return;
        }
        List<List<OrderSubmission>> parts = parts(submissions);
        if (parts.size() < 2) {
            settleTogether(submissions, modified);
            return;
        }
        List<Runnable> work = new ArrayList<>();
        for (List<OrderSubmission> part : parts) {
            Map<OrderKey, Instant> ofPart = new LinkedHashMap<>();
            // Only the part's own orders: a version written to another part's order would lock a row of theirs.
            part.forEach(s -> {
                if (modified.containsKey(s.key())) {
                    ofPart.put(s.key(), modified.get(s.key()));
                }
            });
            work.add(() -> tx.inTransaction(() -> {
                settleTogether(part, ofPart);
                return null;
            }));
        }
        lanes.runAll(work);
        partedBatches.incrementAndGet();
    }

    /** The batch's parts: itself alone unless lanes, size and the caller's transaction allow more. */
    private List<List<OrderSubmission>> parts(List<OrderSubmission> submissions) {
        int most = Math.min(lanes.count(), submissions.size() / MIN_ORDERS_PER_PART);
        if (most < 2 || !snapshots.nothingWrittenYet()) {
            return List.of(submissions);
        }
        Set<MemberId> members = new LinkedHashSet<>();
        submissions.forEach(s -> members.add(s.member().id()));
        return Partitions.split(submissions, snapshots.referrers(members), most);
    }

    /** Locks, loads, settles in memory and writes these orders in the current transaction. */
    private void settleTogether(List<OrderSubmission> submissions, Map<OrderKey, Instant> modified) {
        Set<MemberId> members = new LinkedHashSet<>();
        submissions.forEach(s -> members.add(s.member().id()));
        Map<MemberId, Instant> joined = snapshots.lockMembers(members);
        if (joined.size() != members.size()) {
            throw new Fallback("a member of the batch is gone", null);
        }
        Snapshot snapshot = snapshots.load(joined, submissions.stream().map(OrderSubmission::key).toList(),
                settlement.grantsFrom(joined.values()));
        Changes changes;
        try {
            changes = settlement.settle(snapshot, submissions);
        } catch (RuntimeException failure) {
            // An order the one-by-one path would dead-letter (say, one held for another member): let it.
            throw new Fallback("an order failed to settle in the batch", failure);
        }
        writes.write(changes, modified);
    }

    /** Batches settled in parts, side by side, since start. */
    long partedBatches() {
        return partedBatches.get();
    }

    /** The contacts of the batch not synced that were erased, as "system\ncontact", one query per CRM. */
    private Set<String> erasedContacts(List<InboundOrder> batch, OrderBatch known) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        batch.stream().filter(o -> o.contactExternalId() != null && known.member(o).isEmpty())
                .forEach(o -> unknown.computeIfAbsent(o.system(), s -> new ArrayList<>()).add(o.contactExternalId()));
        Set<String> erased = new LinkedHashSet<>();
        unknown.forEach((system, contacts) -> erasure.erasedAmong(system, contacts)
                .forEach(contact -> erased.add(system + "\n" + contact)));
        return erased;
    }
}
