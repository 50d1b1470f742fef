package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.program.DateRange;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A member's tier as shown to them. Amounts are in the tier basis (points, spend or orders).
 *
 * @param tier          the tier in force, VIP applied
 * @param nextTier      the tier above, null at the top or when pinned
 * @param toNextTier    still needed in the current window to reach {@code nextTier}; null when there is none
 * @param toKeepTier    still needed in the current window to keep {@code tier} at the next assessment
 * @param projectedTier the tier at the end of the current window if the member goes on at their pace so far
 * @param tierExpiresOn the day the tier is lost if nothing more is earned; null when it cannot be lost
 * @param measured      what the member has in the current window
 * @param grant         the staff grant that decides the tier today, or null
 * @param downgradeRisk how likely the tier is to be lost ({@link DowngradeRiskPolicy})
 */
public record TierStatus(String tier, String nextTier, BigDecimal toNextTier, BigDecimal toKeepTier,
                         String projectedTier, LocalDate tierExpiresOn, BigDecimal measured, DateRange window,
                         TierGrant grant, DowngradeRisk downgradeRisk) {
}
