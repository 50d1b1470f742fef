package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.MemberFigures;
import io.loyaltybridge.domain.program.segments.SegmentStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Segments, recording "win-back" when the segments job finds a member's churn risk newly at or above the
 * threshold (it was below, or unknown, before). A member who stays at risk is not told again; one who recovers and
 * drifts away again is, on that day.
 */
public final class RecordingSegments implements SegmentStore {
    private final SegmentStore segments;
    private final MemberEvents events;
    private final String threshold;
    private final ZoneId zone;
    private final Clock clock;

    /** {@code threshold}: the churn risk level (medium or high) that counts as drifting away. */
    public RecordingSegments(SegmentStore segments, MemberEvents events, String threshold, ZoneId zone, Clock clock) {
        this.segments = segments;
        this.events = events;
        this.threshold = threshold;
        this.zone = zone;
        this.clock = clock;
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
    public void scan(LocalDate today, Consumer<MemberFigures> each) {
        segments.scan(today, each);
    }

    /** The values stored before come with the changes (the job read them in its pass): no read here. */
    @Override
    public int save(List<Change> changes) {
        int changed = segments.save(changes);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<MemberEvent> drifting = new ArrayList<>();
        for (Change change : changes) {
            Assigned now = change.now();
            Assigned was = change.before();
            if (atRisk(now.churnRisk()) && (was == null || !atRisk(was.churnRisk()))) {
                drifting.add(new MemberEvent(now.member(), EventType.WIN_BACK, "win_back:" + now.member() + ":"
                        + today, clock.instant(), Map.of("churn_risk", Objects.toString(now.churnRisk(), ""))));
            }
        }
        events.recordAll(drifting); // all the run's events together: a first run finds thousands
        return changed;
    }

    private boolean atRisk(String level) {
        if (level == null) {
            return false;
        }
        String normalised = level.toLowerCase(java.util.Locale.ROOT);
        return "high".equals(normalised) || ("medium".equals(threshold) && "medium".equals(normalised));
    }

    @Override
    public Map<MemberId, Assigned> get(Collection<MemberId> members) {
        return segments.get(members);
    }
}
