package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CRM-visible profile as a projection of the standing: what sales staff see is exactly what the API shows.
 * The segment shown is the RFM segment; the lifetime value is the predicted one.
 */
public final class StandingProfiles implements LoyaltyProfiles {
    private final MemberStandings standings;
    private final Program program;

    public StandingProfiles(MemberStandings standings, Program program) {
        this.standings = standings;
        this.program = program;
    }

    @Override
    public Map<MemberId, LoyaltyProfile> of(Collection<MemberId> members) {
        Map<MemberId, LoyaltyProfile> profiles = new HashMap<>();
        standings.of(members).forEach((member, s) -> profiles.put(member, profile(s, program)));
        return profiles;
    }

    static LoyaltyProfile profile(Standing s, Program program) {
        TierStatus tier = s.tier();
        SegmentStore.Assigned segments = s.segments();
        return new LoyaltyProfile(s.member(), tier.tier(), s.points().available(),
                segments == null ? null : segments.rfmSegment(), tier.nextTier(), whole(tier.toNextTier()),
                s.expiring().points(), s.expiring().firstExpiry(),
                segments == null ? null : segments.cltvPredicted(), segments == null ? null : segments.churnRisk(),
                s.referralCode(), whole(tier.toKeepTier()), tier.projectedTier(), tier.tierExpiresOn(),
                tier.downgradeRisk() == null ? null : tier.downgradeRisk().wireName(),
                s.nextBestOffer().map(Offer::message).orElse(null),
                segments == null ? null : segments.preferredCategory(), badgeNames(s, program),
                BigDecimal.valueOf(s.cashbackMinor(),
                        Math.max(0, Currency.getInstance(program.currency().code()).getDefaultFractionDigits())),
                s.pending());
    }

    /** Points still needed, rounded up: 0.5 points short is one point to earn. */
    private static Long whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Names in the program's order, so the text only changes when the badges held do. */
    private static String badgeNames(Standing s, Program program) {
        String names = program.badges().stream().filter(b -> s.badges().contains(b.id())).map(Badge::name)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? null : names;
    }
}
