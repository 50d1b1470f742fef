package io.loyaltybridge.domain.program.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The downgrade-risk rule (config/program.yaml, {@code tiers.downgradeRisk}):
 * <ul>
 * <li>NONE when the tier cannot be lost (the lowest tier, or a staff grant without a last day: no expiry date) or
 * the member has already earned enough in the window to keep it (nothing left to keep the tier);</li>
 * <li>HIGH when something is left to earn, their pace so far projects a lower tier at the window's end, and the
 * tier expires within {@code highWithinDays} days: they are off pace and time is short;</li>
 * <li>LOW otherwise: something is left to earn, but they are on pace or there is still time.</li>
 * </ul>
 */
public final class DowngradeRiskPolicy {
    private final Tiers rules;

    public DowngradeRiskPolicy(Tiers rules) {
        this.rules = rules;
    }

    public DowngradeRisk risk(String tier, BigDecimal toKeepTier, String projectedTier, LocalDate tierExpiresOn,
                              LocalDate today) {
        if (tierExpiresOn == null || toKeepTier == null || toKeepTier.signum() <= 0) {
            return DowngradeRisk.NONE;
        }
        boolean offPace = projectedTier != null && rules.rank(projectedTier) < rules.rank(tier);
        long daysLeft = ChronoUnit.DAYS.between(today, tierExpiresOn);
        return offPace && daysLeft <= rules.downgradeRisk().highWithinDays() ? DowngradeRisk.HIGH : DowngradeRisk.LOW;
    }
}
