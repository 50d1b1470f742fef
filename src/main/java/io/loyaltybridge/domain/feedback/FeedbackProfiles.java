package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The CRM-visible profiles with the feedback fields filled in: one more read for the whole set of members. */
public final class FeedbackProfiles implements LoyaltyProfiles {
    private final LoyaltyProfiles profiles;
    private final LatestFeedback latest;

    public FeedbackProfiles(LoyaltyProfiles profiles, LatestFeedback latest) {
        this.profiles = profiles;
        this.latest = latest;
    }

    @Override
    public Map<MemberId, LoyaltyProfile> of(Collection<MemberId> members) {
        Map<MemberId, LoyaltyProfile> out = new HashMap<>(profiles.of(members));
        latest.of(out.keySet()).forEach((member, l) -> out.computeIfPresent(member, (m, p) -> p.withFeedback(
                l.score(), l.npsScore() == null ? null : NpsCategory.of(l.npsScore()).wireName(), l.on())));
        return out;
    }
}
