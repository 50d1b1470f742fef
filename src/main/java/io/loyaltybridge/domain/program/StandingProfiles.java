package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The CRM-visible profile as a projection of the standing: what sales staff see is exactly what the API shows.
 * The segment shown is the RFM segment; the lifetime value is the predicted one.
 */
public final class StandingProfiles implements LoyaltyProfiles {
    private final MemberStandings standings;

    public StandingProfiles(MemberStandings standings) {
        this.standings = standings;
    }

    @Override
    public Map<MemberId, LoyaltyProfile> of(Collection<MemberId> members) {
        Map<MemberId, LoyaltyProfile> profiles = new HashMap<>();
        standings.of(members).forEach((member, s) -> profiles.put(member, profile(s)));
        return profiles;
    }

    static LoyaltyProfile profile(Standing s) {
        TierStatus tier = s.tier();
        SegmentStore.Assigned segments = s.segments();
        BigDecimal toNext = tier.toNextTier();
        return new LoyaltyProfile(s.member(), tier.tier(), s.points().available(),
                segments == null ? null : segments.rfmSegment(), tier.nextTier(),
                toNext == null ? null : toNext.setScale(0, RoundingMode.CEILING).longValueExact(),
                s.expiring().points(), s.expiring().firstExpiry(),
                segments == null ? null : segments.cltvPredicted(), segments == null ? null : segments.churnRisk(),
                s.referralCode());
    }
}
