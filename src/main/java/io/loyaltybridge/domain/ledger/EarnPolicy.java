package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.Order;

/** How many points an order in its current state is worth. The program engine supplies the real rules. */
public interface EarnPolicy {
    long pointsFor(Order order);

    /** Stamped on every entry the policy produces, so old entries keep saying which rules made them. */
    String version();
}
