package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.MemberActivity;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the batch's members did, as tier qualification and badges count it, from the snapshot and the batch's own
 * orders and grants: the in-memory twin of the store's activity and order-fact queries (same rules; the
 * differential test holds the two to the same results).
 */
final class BatchActivity implements MemberActivity, SegmentStore {
    private final Snapshot snapshot;
    private final BatchOrders orders;
    private final BatchLedger ledger;
    private final ZoneId zone;

    BatchActivity(Snapshot snapshot, BatchOrders orders, BatchLedger ledger, Program program) {
        this.snapshot = snapshot;
        this.orders = orders;
        this.ledger = ledger;
        this.zone = program.zone();
    }

    private static final Set<EntryKind> GRANT_KINDS = EnumSet.of(EntryKind.BONUS, EntryKind.EARN, EntryKind.ADJUST);
    private static final Set<EntryKind> ORDER_BONUS_KINDS = EnumSet.of(EntryKind.BONUS, EntryKind.REVERSE);

    /** A grant that counts for tiers and is not an order's own points (see the store's activity query). */
    static boolean qualifyingGrant(LedgerEntry e) {
        if (e.orderId() == null) {
            return e.account() == Account.POINTS && GRANT_KINDS.contains(e.kind());
        }
        // A bonus an order caused counts when granted (pending), less its cancellation; not again when released.
        return e.account() == Account.PENDING && !e.operationKey().startsWith("order:")
                && ORDER_BONUS_KINDS.contains(e.kind());
    }

    @Override
    public Map<MemberId, List<Qualifying>> qualifying(Collection<MemberId> members, LocalDate from) {
        if (from.isBefore(snapshot.grantsFrom())) {
            throw new IllegalStateException("activity from " + from + " asked, loaded from " + snapshot.grantsFrom());
        }
        Map<MemberId, List<Qualifying>> byMember = new HashMap<>();
        for (MemberId member : members) {
            // In placed-at order, so in day order: only the grants below need sorting in.
            List<Qualifying> activity = new ArrayList<>(orders.activityOf(member, from));
            int fromOrders = activity.size();
            for (Qualifying q : snapshot.grants().getOrDefault(member, List.of())) {
                if (!q.on().isBefore(from)) {
                    activity.add(q);
                }
            }
            for (Qualifying q : ledger.grantsFor(member)) {
                if (!q.on().isBefore(from)) {
                    activity.add(q);
                }
            }
            if (!activity.isEmpty()) {
                if (activity.size() > fromOrders) {
                    activity.sort(Comparator.comparing(Qualifying::on));
                }
                byMember.put(member, activity);
            }
        }
        return byMember;
    }

    @Override
    public Map<MemberId, LocalDate> joinedOn(Collection<MemberId> members) {
        Map<MemberId, LocalDate> joined = new HashMap<>();
        members.forEach(m -> {
            if (snapshot.members().containsKey(m)) {
                joined.put(m, snapshot.members().get(m).atZone(zone).toLocalDate());
            }
        });
        return joined;
    }

    /** The facts of orders the batch does not hold carry no spend by category: only badges read them here. */
    @Override
    public Map<MemberId, List<OrderFact>> orderFacts(Collection<MemberId> members) {
        Map<MemberId, List<OrderFact>> facts = new HashMap<>();
        for (MemberId member : members) {
            List<OrderFact> of = orders.factsOf(member);
            if (!of.isEmpty()) {
                facts.put(member, of);
            }
        }
        return facts;
    }

    @Override
    public void scan(LocalDate today, java.util.function.Consumer<io.loyaltybridge.domain.program.segments.MemberFigures> each) {
        throw new UnsupportedOperationException("segments are not computed while settling orders");
    }

    @Override
    public Map<MemberId, Long> pointBalances(Collection<MemberId> members) {
        throw new UnsupportedOperationException("segments are not computed while settling orders");
    }

    @Override
    public int save(List<Change> changes) {
        throw new UnsupportedOperationException("segments are not computed while settling orders");
    }

    @Override
    public Map<MemberId, Assigned> get(Collection<MemberId> members) {
        throw new UnsupportedOperationException("segments are not computed while settling orders");
    }
}
