package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;

/** A member's lifetime value in the program currency, with the figures the prediction was made from. */
public record CltvValue(BigDecimal historic, BigDecimal predicted, BigDecimal averageOrderValue,
                        BigDecimal ordersPerYear, BigDecimal remainingYears) {
    public BigDecimal total() {
        return historic.add(predicted);
    }
}
