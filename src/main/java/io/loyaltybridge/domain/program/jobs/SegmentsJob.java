package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.segments.CltvCalculator;
import io.loyaltybridge.domain.program.segments.MemberSegments;
import io.loyaltybridge.domain.program.segments.MemberStats;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.segments.Segmentation;
import io.loyaltybridge.domain.program.tiers.TierPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes every member's segments and lifetime value in time linear in members and orders. The database
 * summarises each member's orders and counts, per RFM measure, the members strictly below them (RFM scores are
 * relative to the whole population) in one streamed pass; the rules themselves (score, RFM table, churn, custom
 * segments, CLTV) are applied here, member by member, by the same domain classes the rest of the program uses.
 * Only members whose stored values differ are kept (with the values stored, which decide what the CRMs are told)
 * and then saved together, so a second run the same day writes nothing, and memory holds only what changed.
 */
final class SegmentsJob {
    private final Program program;
    private final JobPorts ports;
    private final Clock clock;

    SegmentsJob(Program program, JobPorts ports, Clock clock) {
        this.program = program;
        this.ports = ports;
        this.clock = clock;
    }

    int run() {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        long total = ports.unitOfWork().inTransaction(() -> ports.members().count());
        Progress progress = ports.progress().start("Segments and CLTV recompute", total);
        try {
            List<SegmentStore.Change> changed = changedSince(today, progress);
            // All changes in one transaction and a fixed number of statements: a first run changes every member.
            int saved = changed.isEmpty() ? 0 : ports.unitOfWork().inTransaction(() -> ports.segments().save(changed));
            progress.finish();
            return saved;
        } finally {
            progress.stop(); // after finish() a no-op; else it ended early
        }
    }

    /** Every member's values as of today that differ from the stored ones (with those), read in one pass. */
    private List<SegmentStore.Change> changedSince(LocalDate today, Progress progress) {
        TierPolicy tiers = new TierPolicy(program.tiers());
        String lowest = program.tiers().lowest().name();
        Segmentation segmentation = new Segmentation(program.segments());
        CltvCalculator cltv = new CltvCalculator(program.cltv(), program.segments());
        List<SegmentStore.Change> changed = new ArrayList<>();
        long[] read = {0};
        ports.unitOfWork().inTransaction(() -> {
            ports.segments().scan(today, figures -> {
                String tier = figures.tierState() == null ? lowest : tiers.effectiveTier(figures.tierState(), today);
                MemberStats stats = figures.stats(today, tier);
                MemberSegments s = segmentation.assign(stats, figures.ranks() == null ? null : figures.ranks().score());
                SegmentStore.Assigned now = SegmentStore.Assigned.of(s, cltv.of(stats.withRfmSegment(s.rfmSegment())));
                if (!now.equals(figures.stored())) {
                    changed.add(new SegmentStore.Change(figures.stored(), now));
                }
                if (++read[0] % MemberBatches.SIZE == 0) {
                    progress.advance(MemberBatches.SIZE);
                }
            });
            return null;
        });
        progress.advance(read[0] % MemberBatches.SIZE);
        return changed;
    }
}
