package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.MemberContext;
import io.loyaltybridge.domain.program.earning.MemberContexts;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Earning contexts read from the batch's own tier states, so an upgrade earlier in the batch counts for the
 * member's later orders, as it does when orders are settled one by one.
 */
final class BatchContexts implements MemberContexts {
    private final BatchTiers tiers;
    private final TierPolicy policy;
    private final String lowestTier;
    private final LocalDate today;
    private final Map<MemberId, Set<String>> segments;
    private final Map<MemberId, Map<String, Long>> campaigns = new HashMap<>();
    private final Map<MemberId, Map<String, Long>> added = new LinkedHashMap<>();

    BatchContexts(Snapshot snapshot, BatchTiers tiers, TierPolicy policy, String lowestTier, LocalDate today) {
        this.tiers = tiers;
        this.policy = policy;
        this.lowestTier = lowestTier;
        this.today = today;
        this.segments = snapshot.segments();
        snapshot.campaignPoints().forEach((member, points) -> campaigns.put(member, new HashMap<>(points)));
    }

    @Override
    public MemberContext current(MemberId member) {
        // As the store reads it: no tier row is the lowest tier; the below-since date plays no part in earning.
        String tier = tiers.get(member).map(s -> policy.effectiveTier(
                new TierState(s.tier(), s.heldSince(), null, s.grant()), today)).orElse(lowestTier);
        return new MemberContext(tier, segments.getOrDefault(member, Set.of()),
                campaigns.getOrDefault(member, Map.of()));
    }

    @Override
    public void addCampaignPoints(MemberId member, Map<String, Long> delta) {
        delta.forEach((campaign, points) -> {
            campaigns.computeIfAbsent(member, m -> new HashMap<>()).merge(campaign, points, Long::sum);
            added.computeIfAbsent(member, m -> new HashMap<>()).merge(campaign, points, Long::sum);
        });
    }

    Map<MemberId, Map<String, Long>> added() {
        return added;
    }
}
