package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.StoredOrder;

import java.time.Instant;
import java.util.Optional;

/**
 * Brings the points an order has credited to what the order is worth in its current state. Only the difference is
 * written, so a resubmission writes nothing and a refund claws back exactly the refunded share.
 */
public final class OrderSettlement {
    private OrderSettlement() {
    }

    public static Optional<NewEntry> settle(StoredOrder stored, long alreadyCredited, EarnPolicy policy, Instant now) {
        Order order = stored.order();
        long worth = policy.pointsFor(order);
        long difference = worth - alreadyCredited;
        if (difference == 0) {
            return Optional.empty();
        }
        boolean earning = difference > 0;
        String reason = earning
                ? "Order " + order.key().externalId() + " " + order.status().wireName() + ": "
                  + order.keptAmount().toPlainString() + " " + order.currency() + " kept earns " + worth
                  + " points (" + difference + " new)"
                : "Order " + order.key().externalId() + " " + order.status().wireName() + ": "
                  + order.refundedOrCancelledWords() + ", " + (-difference) + " points taken back";
        // Points count from when the purchase happened; a claw-back counts from when we learnt of it.
        Instant effective = earning ? order.placedAt() : now;
        return Optional.of(new NewEntry(order.member(), Account.POINTS, difference,
                earning ? EntryKind.EARN : EntryKind.REVERSE, reason,
                new EntrySource(order.key().source(), order.key().externalId()), policy.version(), effective,
                "order:" + stored.id() + ":r" + stored.revision(), stored.id()));
    }
}
