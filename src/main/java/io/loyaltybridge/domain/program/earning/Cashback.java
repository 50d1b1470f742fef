package io.loyaltybridge.domain.program.earning;

import java.math.BigDecimal;

/**
 * A share of spend paid into the member's CASHBACK account, through PENDING_CASHBACK while the order is inside its
 * return window; an order below the minimum order gives none. Amounts are whole minor units of the program currency
 * (cents for EUR), because ledger entries move whole numbers; percent 2.5 means 2.5% of what the customer kept.
 *
 * @param minimumRedeemMinor the smallest cashback balance (minor units) a member may redeem
 */
public record Cashback(boolean enabled, BigDecimal percent, long minimumRedeemMinor) {
    public static Cashback none() {
        return new Cashback(false, BigDecimal.ZERO, 0);
    }
}
