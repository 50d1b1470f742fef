package io.loyaltybridge.domain.program.tiers;

import java.time.LocalDate;

/**
 * What we store about a member's tier between events.
 *
 * @param tier       the tier the member EARNED (a staff grant is applied on top, see {@link TierPolicy#effectiveTier})
 * @param heldSince  the day they entered that tier
 * @param belowSince the first assessment that found them below it (grace runs from here); null when they qualify
 * @param grant      the staff tier grant not yet ended, or null; whether it still holds depends on the day
 */
public record TierState(String tier, LocalDate heldSince, LocalDate belowSince, TierGrant grant) {
    public static TierState start(String lowestTier, LocalDate joinedOn) {
        return new TierState(lowestTier, joinedOn, null, null);
    }

    public TierState withGrant(TierGrant granted) {
        return new TierState(tier, heldSince, belowSince, granted);
    }
}
