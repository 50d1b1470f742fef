package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One member's orders as badges and tiers count them, kept in placed-at order (ties: first seen first) as the batch
 * changes them. Badges and tier checks read all of a member's orders after every order they place; re-deriving the
 * list each time made a member's cost grow with the square of their orders, so one changed order moves one entry.
 */
final class MemberOrders {
    private static final Comparator<BatchOrders.Counted> PLACED =
            Comparator.comparing(BatchOrders.Counted::placedAt).thenComparingLong(BatchOrders.Counted::seen);
    private final List<BatchOrders.Counted> sorted = new ArrayList<>();
    private final Map<Long, BatchOrders.Counted> byId = new HashMap<>();
    private final List<OrderFact> facts = new ArrayList<>();
    private final List<Qualifying> activity = new ArrayList<>();
    private final List<OrderFact> factsView = Collections.unmodifiableList(facts);
    private final List<BatchOrders.Counted> sortedView = Collections.unmodifiableList(sorted);

    /** The order's sequence number among the member's orders, from when it was first seen. */
    long seen(long id) {
        BatchOrders.Counted held = byId.get(id);
        return held == null ? byId.size() : held.seen();
    }

    /** The order as counted now; null when the member's orders do not hold it yet. */
    BatchOrders.Counted held(long id) {
        return byId.get(id);
    }

    /** Puts the order's current state in place of its earlier one (or adds it), keeping the placed-at order. */
    void put(BatchOrders.Counted order) {
        BatchOrders.Counted before = byId.put(order.id(), order);
        if (before != null) {
            int at = indexOf(before);
            if (before.placedAt().equals(order.placedAt())) {
                sorted.set(at, order);
                facts.set(at, order.fact());
                activity.set(at, order.activity());
                return;
            }
            sorted.remove(at);
            facts.remove(at);
            activity.remove(at);
        }
        // Orders mostly arrive in time order: search back from the end.
        int at = sorted.size();
        while (at > 0 && PLACED.compare(sorted.get(at - 1), order) > 0) {
            at--;
        }
        sorted.add(at, order);
        facts.add(at, order.fact());
        activity.add(at, order.activity());
    }

    private int indexOf(BatchOrders.Counted held) {
        for (int i = sorted.size() - 1; i >= 0; i--) {
            if (sorted.get(i).id() == held.id()) {
                return i;
            }
        }
        throw new IllegalStateException("order " + held.id() + " is not held");
    }

    /** The member's orders in placed-at order; a read-only view that follows later changes. */
    List<BatchOrders.Counted> inPlacedOrder() {
        return sortedView;
    }

    /** What the orders placed from {@code from} on count for tiers, in the same order; a read-only view. */
    List<Qualifying> activityFrom(LocalDate from) {
        int first = 0;
        while (first < activity.size() && activity.get(first).on().isBefore(from)) {
            first++;
        }
        return Collections.unmodifiableList(activity.subList(first, activity.size()));
    }

    /** Their facts in the same order; a read-only view. */
    List<OrderFact> facts() {
        return factsView;
    }
}
