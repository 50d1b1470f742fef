package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;

/**
 * Inputs of the predicted customer lifetime value (see {@link CltvCalculator} for the formula).
 *
 * @param lifetimeYears       expected remaining relationship length of an active customer, in years
 * @param minimumObservedDays the shortest history frequency is measured over, so a one-week-old customer with two
 *                            orders is not extrapolated to a hundred orders a year
 */
public record Cltv(BigDecimal lifetimeYears, int minimumObservedDays) {
    public static Cltv defaults() {
        return new Cltv(new BigDecimal("3"), 90);
    }
}
