package io.loyaltybridge.sync;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.ledger.batch.BatchSettlement;
import io.loyaltybridge.domain.ledger.batch.Changes;
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

/**
 * A batch of CRM orders settled set-wise, in the caller's transaction, in three steps and three places: the store
 * locks the batch's members and loads what settling them reads ({@link PgSettlementSnapshot}, nine statements),
 * the domain settles every order in memory in the batch's order ({@link BatchSettlement}), and the store writes
 * what changed with one statement per table ({@link PgSettlementWrites}). Orders that cannot be taken in (invalid,
 * contact not synced yet) are dead-lettered as by the one-by-one path. What the in-memory settlement cannot judge
 * alone (an order of an erased contact, an order failing mid-way, a write the database already holds) makes the
 * whole batch {@link Fallback} to the one-by-one path, which is the oracle this path is tested against.
 */
final class BatchIngest {
    /** The batch is to be settled one order at a time instead; nothing of it was written. */
    static final class Fallback extends RuntimeException {
        Fallback(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private record Letter(InboundOrder order, RuntimeException failure, String waitingFor) {
    }

    private final SyncStores stores;
    private final PgOrderBatchLookups lookups;
    private final PgErasure erasure;
    private final PgSettlementSnapshot snapshots;
    private final PgSettlementWrites writes;
    private final BatchSettlement settlement;
    private final Clock clock;

    BatchIngest(Transactions tx, SyncStores stores, LedgerService ledger, Clock clock) {
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

    private void settle(List<OrderSubmission> submissions, Map<OrderKey, Instant> modified) {
        if (submissions.isEmpty()) {
            return;
        }
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
