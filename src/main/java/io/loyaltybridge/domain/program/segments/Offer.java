package io.loyaltybridge.domain.program.segments;

import java.util.Set;

/**
 * A candidate for a member's next-best offer: a reward or a campaign to suggest, and who it suits. Empty sets match
 * everyone; a candidate that matches on more declared criteria beats a more general one.
 */
public record Offer(String id, Kind kind, String ref, Set<String> tiers, Set<String> segments,
                    Set<String> categories, String message) {

    public enum Kind { REWARD, CAMPAIGN }

    public Offer {
        tiers = Set.copyOf(tiers);
        segments = Set.copyOf(segments);
        categories = Set.copyOf(categories);
    }
}
