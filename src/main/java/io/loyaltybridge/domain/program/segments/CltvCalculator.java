package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;

/**
 * Customer lifetime value.
 * <pre>
 * historic  = sum of what the member kept over all orders
 * predicted = AOV x F x L'
 *   AOV = historic / orders
 *   F   = orders per year = orders / (max(days since first order, minimumObservedDays) / 365.25)
 *   L'  = lifetimeYears / max(1, churn ratio)   (a member silent for 3x their usual interval keeps a third)
 * </pre>
 * With one order there is no rhythm, so the churn ratio counts as 1. Members without orders are worth 0.
 * Results are rounded to 2 decimals, half even.
 */
public final class CltvCalculator {
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
    private final Cltv rules;
    private final Segments segments;

    public CltvCalculator(Cltv rules, Segments segments) {
        this.rules = rules;
        this.segments = segments;
    }

    public CltvValue of(MemberStats stats) {
        if (stats.orders() == 0) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new CltvValue(zero, zero, zero, zero, zero);
        }
        BigDecimal historic = stats.spend();
        BigDecimal aov = historic.divide(BigDecimal.valueOf(stats.orders()), MathContext.DECIMAL64);
        long observed = Math.max(ChronoUnit.DAYS.between(stats.firstOrder(), stats.today()),
                rules.minimumObservedDays());
        BigDecimal perYear = BigDecimal.valueOf(stats.orders())
                .divide(BigDecimal.valueOf(observed).divide(DAYS_PER_YEAR, MathContext.DECIMAL64),
                        MathContext.DECIMAL64);
        ChurnRisk churn = ChurnRisk.of(stats, segments);
        BigDecimal ratio = churn.ratio() == null ? BigDecimal.ONE : churn.ratio().max(BigDecimal.ONE);
        BigDecimal remaining = rules.lifetimeYears().divide(ratio, MathContext.DECIMAL64);
        BigDecimal predicted = aov.multiply(perYear).multiply(remaining);
        return new CltvValue(two(historic), two(predicted), two(aov), two(perYear), two(remaining));
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
