package io.loyaltybridge.domain.order;

import java.util.Optional;

/** The orders repository. Methods run in the caller's {@link io.loyaltybridge.domain.UnitOfWork}. */
public interface Orders {
    /** Stores a first report of an order; empty when the key is already held (nothing written then). */
    Optional<StoredOrder> insertIfAbsent(Order order);

    /** The held order, locked until the transaction ends so that concurrent reports of it queue up. */
    Optional<StoredOrder> lock(OrderKey key);

    /** Replaces the held state; returns it with its new revision. */
    StoredOrder replace(StoredOrder previous, Order next);
}
