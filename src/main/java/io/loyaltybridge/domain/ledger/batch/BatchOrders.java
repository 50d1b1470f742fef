package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.MemberContext;

import java.time.Instant;
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
 * order gets the next id reserved for the batch, so its entries are keyed as the database will hold them.
 */
final class BatchOrders implements Orders {
    private final Map<OrderKey, StoredOrder> byKey = new HashMap<>();
    private final Map<Long, StoredOrder> byId = new LinkedHashMap<>();
    private final Map<MemberId, List<Long>> idsByMember = new HashMap<>();
    private final Map<Long, Long> earned;
    private final Map<Long, Changes.Earning> earnings = new HashMap<>();
    private final Set<Long> created = new LinkedHashSet<>();
    private final Set<Long> changed = new LinkedHashSet<>();
    private final Deque<Long> freeIds;

    BatchOrders(Snapshot snapshot) {
        snapshot.history().values().forEach(orders -> orders.forEach(this::put));
        snapshot.held().values().forEach(this::put);
        this.earned = new HashMap<>(snapshot.earnedPoints());
        this.freeIds = new ArrayDeque<>(snapshot.newOrderIds());
    }

    private void put(StoredOrder stored) {
        StoredOrder before = byId.put(stored.id(), stored);
        byKey.put(stored.order().key(), stored);
        if (before == null) {
            idsByMember.computeIfAbsent(stored.order().member(), m -> new ArrayList<>()).add(stored.id());
        }
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
        put(new StoredOrder(orderId, previous.order(), previous.revision(), context, campaignPoints));
        earned.put(orderId, points);
        earnings.put(orderId, new Changes.Earning(points, availableAt));
        changed.add(orderId);
    }

    @Override
    public List<Long> dueForRelease(Instant now, int limit) {
        throw new UnsupportedOperationException("the release job settles alone, not in a batch");
    }

    @Override
    public Optional<StoredOrder> lock(long orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    /** Every order of the member, held and new, in their current state. */
    List<StoredOrder> of(MemberId member) {
        return idsByMember.getOrDefault(member, List.of()).stream().map(byId::get).toList();
    }

    long earnedPoints(long orderId) {
        return earned.getOrDefault(orderId, 0L);
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
