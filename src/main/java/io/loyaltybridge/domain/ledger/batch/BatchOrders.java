package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.MemberContext;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orders of one batch's members in memory: the snapshot's, then the batch's own as they are taken in. A new
 * order gets the next id reserved for the batch, so its entries are keyed as the database will hold them. Orders the
 * batch does not hold are known only as {@link Snapshot.PastOrder}s. Each member's orders are kept counted as badges
 * and tiers read them ({@link MemberOrders}): a change re-counts that order alone, since both ask for all of a
 * member's orders at every order.
 */
final class BatchOrders implements Orders {
    /** An order of a member as badges and tiers count it: when placed, what it is worth, its fact. */
    record Counted(long id, Order order, long earnedPoints, OrderFact fact, long seen, Qualifying activity) {
        Counted(long id, Order order, long earnedPoints, OrderFact fact, long seen) {
            this(id, order, earnedPoints, fact, seen, new Qualifying(fact.on(), earnedPoints, fact.kept(),
                    fact.kept().signum() > 0 ? 1 : 0));
        }

        Instant placedAt() {
            return order.placedAt();
        }
    }

    private final Program program;
    private final Map<Long, Snapshot.PastOrder> past = new HashMap<>();
    private final Map<OrderKey, StoredOrder> byKey = new HashMap<>();
    private final Map<Long, StoredOrder> byId = new LinkedHashMap<>();
    private final Map<MemberId, MemberOrders> byMember = new HashMap<>();
    private final Map<Long, Long> earned = new HashMap<>();
    private final Map<Long, Changes.Earning> earnings = new HashMap<>();
    private final Set<Long> created = new LinkedHashSet<>();
    private final Set<Long> changed = new LinkedHashSet<>();
    private final Deque<Long> freeIds;

    BatchOrders(Snapshot snapshot, Program program) {
        this.program = program;
        snapshot.history().forEach((member, orders) -> orders.forEach(order -> {
            past.put(order.id(), order);
            earned.put(order.id(), order.earnedPoints());
            count(member, order.id(), order.order());
        }));
        snapshot.held().values().forEach(this::put);
        this.freeIds = new ArrayDeque<>(snapshot.newOrderIds());
    }

    private void put(StoredOrder stored) {
        byId.put(stored.id(), stored);
        byKey.put(stored.order().key(), stored);
        count(stored.order().member(), stored.id(), stored.order());
    }

    /** The order as badges and tiers count it now, in place of what it was. */
    private void count(MemberId member, long id, Order order) {
        MemberOrders of = byMember.computeIfAbsent(member, m -> new MemberOrders());
        Counted held = of.held(id);
        // Recording what an order earned keeps the order itself: its fact stands.
        OrderFact fact = held != null && held.order() == order ? held.fact() : OrderFact.of(order, program);
        of.put(new Counted(id, order, earned.getOrDefault(id, 0L), fact, held == null ? of.seen(id) : held.seen()));
    }

    @Override
    public Optional<StoredOrder> insertIfAbsent(Order order) {
        if (byKey.containsKey(order.key())) {
            return Optional.empty();
        }
        if (freeIds.isEmpty()) {
            throw new IllegalStateException("no order id reserved for " + order.key());
        }
        StoredOrder stored = new StoredOrder(freeIds.poll(), order, 1);
        put(stored);
        created.add(stored.id());
        return Optional.of(stored);
    }

    @Override
    public Optional<StoredOrder> lock(OrderKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public StoredOrder replace(StoredOrder previous, Order next) {
        StoredOrder stored = new StoredOrder(previous.id(), next, previous.revision() + 1, previous.earnContext(),
                previous.campaignPoints());
        put(stored);
        changed.add(stored.id());
        return stored;
    }

    @Override
    public void recordEarning(long orderId, MemberContext context, long points, Map<String, Long> campaignPoints,
                              Instant availableAt) {
        StoredOrder previous = byId.get(orderId);
        earned.put(orderId, points);
        put(new StoredOrder(orderId, previous.order(), previous.revision(), context, campaignPoints));
        earnings.put(orderId, new Changes.Earning(points, availableAt));
        changed.add(orderId);
    }

    @Override
    public List<Long> dueForRelease(Instant now, int limit) {
        throw new UnsupportedOperationException("the release job settles alone, not in a batch");
    }

    /** Only the batch's own orders (held or new) can be locked: nothing in a batch settles another order. */
    @Override
    public Optional<StoredOrder> lock(long orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    /** Every order of the member, past, held and new, in their current state and placed-at order (read-only). */
    List<Counted> of(MemberId member) {
        MemberOrders of = byMember.get(member);
        return of == null ? List.of() : of.inPlacedOrder();
    }

    /** What they count for tiers from {@code from} on, in the same order (read-only). */
    List<Qualifying> activityOf(MemberId member, LocalDate from) {
        MemberOrders of = byMember.get(member);
        return of == null ? List.of() : of.activityFrom(from);
    }

    /** Their facts, in the same order (read-only). */
    List<OrderFact> factsOf(MemberId member) {
        MemberOrders of = byMember.get(member);
        return of == null ? List.of() : of.facts();
    }

    List<StoredOrder> created() {
        return created.stream().map(byId::get).toList();
    }

    List<StoredOrder> changed() {
        return changed.stream().filter(id -> !created.contains(id)).map(byId::get).toList();
    }

    Map<Long, Changes.Earning> earnings() {
        return earnings;
    }
}
