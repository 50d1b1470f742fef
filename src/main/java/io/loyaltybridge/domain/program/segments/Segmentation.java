package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Segments a whole population at once, because RFM scores are relative: a member's score is the fifth of the
 * population their value falls in. Score = 1 + floor(5 x (members with a strictly lower value) / members), so
 * equal values always get equal scores. Recency counts fewer days since the last order as better.
 */
public final class Segmentation {
    private final Segments rules;

    public Segmentation(Segments rules) {
        this.rules = rules;
    }

    public Map<MemberId, MemberSegments> assign(List<MemberStats> population) {
        List<MemberStats> buyers = population.stream().filter(s -> s.orders() > 0).toList();
        Map<MemberId, Integer> r = quintiles(buyers, s -> BigDecimal.valueOf(-s.daysSinceLastOrder()));
        Map<MemberId, Integer> f = quintiles(buyers, s -> BigDecimal.valueOf(s.orders()));
        Map<MemberId, Integer> m = quintiles(buyers, MemberStats::spend);
        Map<MemberId, MemberSegments> result = new HashMap<>();
        for (MemberStats stats : population) {
            RfmScore score = stats.orders() == 0 ? null
                    : new RfmScore(r.get(stats.member()), f.get(stats.member()), m.get(stats.member()));
            result.put(stats.member(), assign(stats, score));
        }
        return result;
    }

    /**
     * One member's segments, given their RFM score (null without orders) found against the whole population:
     * in memory by {@link #assign(List)}, or from counts the database made ({@link SegmentStore#scan}).
     */
    public MemberSegments assign(MemberStats stats, RfmScore score) {
        String rfmSegment = score == null ? null : RfmSegments.segmentOf(score);
        MemberStats scored = stats.withRfmSegment(rfmSegment);
        Set<String> names = new LinkedHashSet<>();
        if (rfmSegment != null) {
            names.add(rfmSegment);
        }
        rules.custom().stream().filter(c -> c.contains(scored)).forEach(c -> names.add(c.name()));
        return new MemberSegments(stats.member(), score, rfmSegment, ChurnRisk.of(stats, rules),
                stats.preferredCategory(), names);
    }

    /** The quintile score of a value that {@code below} of the {@code scored} members' values are strictly under. */
    public static int score(long below, long scored) {
        return (int) (1 + (5 * below) / scored);
    }

    static Map<MemberId, Integer> quintiles(List<MemberStats> members, Function<MemberStats, BigDecimal> value) {
        List<BigDecimal> sorted = new ArrayList<>(members.stream().map(value).toList());
        sorted.sort(BigDecimal::compareTo);
        Map<MemberId, Integer> scores = new HashMap<>();
        for (MemberStats member : members) {
            scores.put(member.member(), score(lowerBound(sorted, value.apply(member)), sorted.size()));
        }
        return scores;
    }

    /** How many values in the sorted list are strictly below {@code v} (binary search: populations are large). */
    private static int lowerBound(List<BigDecimal> sorted, BigDecimal v) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).compareTo(v) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
