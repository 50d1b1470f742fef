package io.loyaltybridge.domain.order;

import io.loyaltybridge.domain.program.earning.MemberContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The orders repository. Methods run in the caller's {@link io.loyaltybridge.domain.UnitOfWork}. */
public interface Orders {
    /** Stores a first report of an order; empty when the key is already held (nothing written then). */
    Optional<StoredOrder> insertIfAbsent(Order order);

    /** The held order, locked until the transaction ends so that concurrent reports of it queue up. */
    Optional<StoredOrder> lock(OrderKey key);

    /** Replaces the held state; returns it with its new revision. */
    StoredOrder replace(StoredOrder previous, Order next);

    /** Records what the order earned, under which context, and when its pending points become available. */
    void recordEarning(long orderId, MemberContext context, long points, Map<String, Long> campaignPoints,
                       Instant availableAt);

    /** Orders whose pending points are due for release at {@code now}, oldest first. */
    List<Long> dueForRelease(Instant now, int limit);

    /** Locks an order by row id (for the release job). */
    Optional<StoredOrder> lock(long orderId);
}
