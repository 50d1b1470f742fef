package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How overdue a member's next order is, judged against their OWN rhythm: days since the last order divided by
 * their typical interval (the mean gap between their orders). A weekly shopper silent for a month is at risk; a
 * yearly one is not. Fewer than two orders give no rhythm, so the level is UNKNOWN.
 */
public record ChurnRisk(Level level, BigDecimal ratio, BigDecimal typicalIntervalDays) {
    public enum Level { UNKNOWN, LOW, MEDIUM, HIGH }

    public static ChurnRisk of(MemberStats stats, Segments rules) {
        if (stats.orders() < 2) {
            return new ChurnRisk(Level.UNKNOWN, null, null);
        }
        long span = java.time.temporal.ChronoUnit.DAYS.between(stats.firstOrder(), stats.lastOrder());
        BigDecimal typical = BigDecimal.valueOf(span).divide(BigDecimal.valueOf(stats.orders() - 1L), 2,
                RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
        BigDecimal ratio = BigDecimal.valueOf(stats.daysSinceLastOrder()).divide(typical, 2, RoundingMode.HALF_EVEN);
        Level level = ratio.compareTo(rules.churnHighRatio()) >= 0 ? Level.HIGH
                : ratio.compareTo(rules.churnMediumRatio()) >= 0 ? Level.MEDIUM : Level.LOW;
        return new ChurnRisk(level, ratio, typical);
    }
}
