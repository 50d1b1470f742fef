package io.loyaltybridge.domain.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rate kept with its parts, so a reader can check it; no value when nothing was there to divide. */
public record Ratio(long numerator, long denominator) {
    /** The fraction to four decimals (0.2500 is 25 %), or null when the denominator is zero. */
    public BigDecimal value() {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
