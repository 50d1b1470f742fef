package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.StoredOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of members as both programs settle it: their histories, and their orders in time order across them (a
 * referee's order may pay their referrer) with the submissions the engine takes. Worked out once per page and read
 * by both programs' settlements, which only read it.
 */
record Page(List<MemberHistory> members, List<StoredOrder> orders, List<OrderSubmission> submissions) {

    static Page of(List<MemberHistory> members) {
        int size = 0;
        for (MemberHistory h : members) {
            size += h.orders().size();
        }
        List<StoredOrder> orders = new ArrayList<>(size);
        members.forEach(h -> orders.addAll(h.orders()));
        // Each member's orders arrive in time order already: the sort merges those runs.
        orders.sort(Page::placedFirst);
        List<OrderSubmission> submissions = new ArrayList<>(size);
        for (StoredOrder stored : orders) {
            Order o = stored.order();
            submissions.add(new OrderSubmission(MemberRef.byId(o.member()), o.key(), o.total(), o.currency(),
                    o.placedAt(), o.status(), o.refundedAmount(), o.lines()));
        }
        return new Page(List.copyOf(members), orders, submissions);
    }

    private static int placedFirst(StoredOrder a, StoredOrder b) {
        int byTime = a.order().placedAt().compareTo(b.order().placedAt());
        return byTime != 0 ? byTime : Long.compare(a.id(), b.id());
    }
}
