package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Map;

/** Where a member stands for earning purposes: tier, segments, and the points each campaign already gave them. */
public interface MemberContexts {
    MemberContext current(MemberId member);

    /** Adds (or with negative values, gives back) campaign points to the member's per-campaign totals. */
    void addCampaignPoints(MemberId member, Map<String, Long> delta);
}
