package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.Order;

import java.math.RoundingMode;

/** One point per whole currency unit the customer kept, rounded down. */
public final class FlatEarnPolicy implements EarnPolicy {
    public static final String VERSION = "flat-1";

    @Override
    public long pointsFor(Order order) {
        return order.keptAmount().setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    @Override
    public String version() {
        return VERSION;
    }
}
