package io.loyaltybridge.domain.program.earning;

import java.util.Map;
import java.util.Set;

/**
 * What the earn calculator needs to know about the member at the time of the order.
 *
 * @param tier                  the member's tier when the order was placed (keep it with the order: re-evaluating a
 *                              refund under a later tier would move points the refund did not cause)
 * @param segments              the member's segment names
 * @param campaignPointsGranted points each campaign (by id) already gave this member on OTHER orders; used for
 *                              per-member caps
 */
public record MemberContext(String tier, Set<String> segments, Map<String, Long> campaignPointsGranted) {
    public MemberContext {
        segments = Set.copyOf(segments);
        campaignPointsGranted = Map.copyOf(campaignPointsGranted);
    }

    public static MemberContext inTier(String tier) {
        return new MemberContext(tier, Set.of(), Map.of());
    }
}
