package io.loyaltybridge.domain.program.tiers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier granted to a member by staff. PIN holds them at exactly {@code tier}; FLOOR keeps them at least at it while
 * they may earn higher. The mode is the program's ({@code tiers.vip.mode}) when the grant was made, kept with it so
 * the history says what was granted.
 *
 * @param until     the last day the grant holds, in the program's time zone; null: until revoked
 * @param endedAt   when it was revoked, replaced or lapsed; null while in force
 * @param endReason why it ended: "revoked: ...", "replaced by grant N" or "lapsed"
 */
public record TierGrant(long id, String tier, Tiers.VipMode mode, LocalDate until, String reason, String grantedBy,
                        Instant grantedAt, Instant endedAt, String endedBy, String endReason) {

    /** Whether the grant decides the tier on {@code day}: not ended, and {@code until} not passed. */
    public boolean holdsOn(LocalDate day) {
        return endedAt == null && (until == null || !day.isAfter(until));
    }

    /** The tier in force when the member earned {@code earned}. */
    public String apply(String earned, Tiers tiers) {
        return mode == Tiers.VipMode.PIN || tiers.rank(tier) > tiers.rank(earned) ? tier : earned;
    }
}
