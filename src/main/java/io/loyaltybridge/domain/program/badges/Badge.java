package io.loyaltybridge.domain.program.badges;

import java.math.BigDecimal;

/**
 * An achievement granted once, when its condition first holds over the member's order history.
 *
 * @param bonusPoints points granted with the badge, 0 for none
 */
public record Badge(String id, String name, Condition condition, long bonusPoints) {

    public enum Kind { FIRST_ORDER, ORDER_COUNT, SPEND_IN_WINDOW, MONTH_STREAK }

    /**
     * @param count  ORDER_COUNT: orders needed; MONTH_STREAK: consecutive calendar months with an order
     * @param amount SPEND_IN_WINDOW: spend needed within {@code days}
     * @param days   SPEND_IN_WINDOW: the window length, counting back from the evaluation day
     */
    public record Condition(Kind kind, int count, BigDecimal amount, int days) {
    }
}
