package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a batch of orders into parts that can be settled apart, side by side, and still give what settling the batch
 * in one go gives. Settling an order reads and moves only its member's state, with two exceptions that tie members
 * together, so each part holds whole groups of members tied by them:
 * <ul>
 *     <li>a referee's qualifying order pays their referrer a bonus, which moves the referrer's balance and the points
 *     that count toward the referrer's tier, and so the rate of the referrer's own later orders in the batch: a
 *     referee is kept with their referrer (along chains: a referrer referred in turn is kept with theirs);</li>
 *     <li>one order reported under two members in one batch (its contact changed): both are kept together, so the
 *     part that holds the order sees every report of it.</li>
 * </ul>
 * Campaign caps, badges, tiers and events are each member's own, so nothing else crosses members. Groups are dealt
 * to parts largest first, each to the part with the fewest orders so far; each part keeps the batch's order.
 */
public final class Partitions {
    private Partitions() {
    }

    /**
     * The batch in at most {@code parts} parts (fewer when it has fewer groups; empty parts are dropped).
     *
     * @param referrerOf each batch member's referrer, where they have one
     */
    public static List<List<OrderSubmission>> split(List<OrderSubmission> batch, Map<MemberId, MemberId> referrerOf,
                                                    int parts) {
        Groups groups = new Groups();
        Map<OrderKey, MemberId> firstOwner = new HashMap<>();
        for (OrderSubmission s : batch) {
            MemberId member = s.member().id();
            groups.join(member, member);
            MemberId referrer = referrerOf.get(member);
            if (referrer != null) {
                groups.join(member, referrer);
            }
            MemberId owner = firstOwner.putIfAbsent(s.key(), member);
            if (owner != null) {
                groups.join(member, owner);
            }
        }
        Map<MemberId, Integer> ordersPerGroup = new LinkedHashMap<>();
        batch.forEach(s -> ordersPerGroup.merge(groups.root(s.member().id()), 1, Integer::sum));
        List<MemberId> largestFirst = new ArrayList<>(ordersPerGroup.keySet());
        largestFirst.sort(Comparator.comparing(ordersPerGroup::get).reversed());
        int count = Math.max(1, Math.min(parts, largestFirst.size()));
        int[] load = new int[count];
        Map<MemberId, Integer> partOfGroup = new HashMap<>();
        for (MemberId group : largestFirst) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            load[lightest] += ordersPerGroup.get(group);
            partOfGroup.put(group, lightest);
        }
        List<List<OrderSubmission>> split = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            split.add(new ArrayList<>());
        }
        batch.forEach(s -> split.get(partOfGroup.get(groups.root(s.member().id()))).add(s));
        split.removeIf(List::isEmpty);
        return split;
    }

    /** Union-find over members: each group named by one of its members. */
    private static final class Groups {
        private final Map<MemberId, MemberId> parent = new HashMap<>();

        MemberId root(MemberId member) {
            MemberId top = member;
            for (MemberId up = parent.get(top); up != null && !up.equals(top); up = parent.get(top)) {
                top = up;
            }
            // Path compression, without recursion: a long referral chain must not run out of stack.
            for (MemberId at = member; !at.equals(top); ) {
                MemberId next = parent.get(at);
                parent.put(at, top);
                at = next;
            }
            return top;
        }

        void join(MemberId a, MemberId b) {
            MemberId ra = root(a);
            MemberId rb = root(b);
            if (!ra.equals(rb)) {
                parent.put(ra, rb);
            }
        }
    }
}
