package io.loyaltybridge.domain.program.earning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A time-limited earning boost: a multiplier on purchase points, a fixed bonus per order, or both.
 *
 * @param from          first day (program time zone), inclusive
 * @param to            last day, inclusive
 * @param multiplier    null for no multiplier; 2 means "double points" (adds one more times the purchase points)
 * @param bonusPoints   fixed points per qualifying order, 0 for none
 * @param tiers         limited to these tiers; empty means every tier
 * @param segments      limited to members in at least one of these segments; empty means everyone
 * @param perMemberCap  most points this campaign may give one member in total; null for no cap
 */
public record Campaign(String id, String name, LocalDate from, LocalDate to, BigDecimal multiplier, long bonusPoints,
                       Set<String> tiers, Set<String> segments, Long perMemberCap) {
    public Campaign {
        tiers = Set.copyOf(tiers);
        segments = Set.copyOf(segments);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean appliesTo(String tier, Set<String> memberSegments) {
        boolean tierOk = tiers.isEmpty() || tiers.contains(tier);
        boolean segmentOk = segments.isEmpty() || memberSegments.stream().anyMatch(segments::contains);
        return tierOk && segmentOk;
    }
}
