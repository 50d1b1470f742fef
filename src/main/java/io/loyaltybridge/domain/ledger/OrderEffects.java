package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.earning.EarnResult;

/**
 * What else follows from an order once its points are settled (tier upgrades, badges, referral bonuses). Runs in
 * the order's transaction, so these effects commit with the order or not at all.
 */
public interface OrderEffects {
    void orderSettled(StoredOrder order, EarnResult worth);

    /** Runs each effect in turn. */
    static OrderEffects all(java.util.List<OrderEffects> effects) {
        return (order, worth) -> effects.forEach(effect -> effect.orderSettled(order, worth));
    }
}
