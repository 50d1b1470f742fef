package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.FeedbackRules;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.MemberFigures;
import io.loyaltybridge.domain.program.segments.SegmentStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The members' segments with {@code detractors} added where it holds: the latest NPS answer is a detractor's (0-6)
 * and came within {@code feedback.detractorWithinDays}. Worked out when read (a member leaves the segment by a
 * better answer or by time, with no job to run), so offers and the standing see it; the computed segments are
 * stored as they were.
 */
public final class FeedbackSegments implements SegmentStore {
    public static final String DETRACTORS = "detractors";

    private final SegmentStore segments;
    private final LatestFeedback latest;
    private final FeedbackRules rules;
    private final Clock clock;

    public FeedbackSegments(SegmentStore segments, LatestFeedback latest, FeedbackRules rules, Clock clock) {
        this.segments = segments;
        this.latest = latest;
        this.rules = rules;
        this.clock = clock;
    }

    /** Whether this latest answer puts the member in the detractors segment now. */
    public static boolean isDetractor(LatestFeedback.Latest l, FeedbackRules rules, Instant now) {
        return l.npsScore() != null && NpsCategory.of(l.npsScore()) == NpsCategory.DETRACTOR
                && !l.npsAt().isBefore(now.minus(Duration.ofDays(rules.detractorWithinDays())));
    }

    @Override
    public Map<MemberId, Assigned> get(Collection<MemberId> members) {
        Map<MemberId, Assigned> out = new HashMap<>(segments.get(members));
        Instant now = clock.instant();
        latest.of(members).forEach((member, l) -> {
            if (isDetractor(l, rules, now)) {
                Assigned a = out.get(member);
                Set<String> names = new LinkedHashSet<>(a == null ? Set.of() : a.segments());
                names.add(DETRACTORS);
                out.put(member, a == null ? new Assigned(member, null, null, names, null, null, null, null)
                        : new Assigned(member, a.rfm(), a.rfmSegment(), names, a.churnRisk(), a.preferredCategory(),
                        a.cltvHistoric(), a.cltvPredicted()));
            }
        });
        return out;
    }

    @Override
    public void scan(LocalDate today, Consumer<MemberFigures> each) {
        segments.scan(today, each);
    }

    @Override
    public Map<MemberId, List<OrderFact>> orderFacts(Collection<MemberId> members) {
        return segments.orderFacts(members);
    }

    @Override
    public Map<MemberId, Long> pointBalances(Collection<MemberId> members) {
        return segments.pointBalances(members);
    }

    @Override
    public int save(List<Change> changes) {
        return segments.save(changes);
    }
}
