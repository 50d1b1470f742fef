package io.loyaltybridge.domain.program;

import java.time.LocalDate;

/**
 * What we store about a member's tier between events.
 *
 * @param tier       the tier the member EARNED (VIP is applied on top, see {@link TierPolicy#effectiveTier})
 * @param heldSince  the day they entered that tier
 * @param belowSince the first assessment that found them below it (grace runs from here); null when they qualify
 * @param vip        granted the manual VIP tier by staff
 */
public record TierState(String tier, LocalDate heldSince, LocalDate belowSince, boolean vip) {
    public static TierState start(String lowestTier, LocalDate joinedOn) {
        return new TierState(lowestTier, joinedOn, null, false);
    }

    public TierState withVip(boolean granted) {
        return new TierState(tier, heldSince, belowSince, granted);
    }
}
