package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.MemberId;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every member's segments (RFM quantiles need the whole population, so stats are gathered first, a
 * batch of members per query) and lifetime value, then saves them a batch at a time. Unchanged values are not
 * written, so a second run the same day changes nothing.
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
        TierPolicy tiers = new TierPolicy(program.tiers());
        String lowest = program.tiers().lowest().name();
        List<MemberStats> population = new ArrayList<>();
        MemberBatches.forEach(ports, "Segments and CLTV recompute (reading members)", batch -> ports.unitOfWork().inTransaction(() -> {
            Map<MemberId, List<OrderFact>> facts = ports.segments().orderFacts(batch);
            Map<MemberId, Long> balances = ports.segments().pointBalances(batch);
            Map<MemberId, TierState> states = ports.tiers().get(batch);
            Map<MemberId, LocalDate> joined = ports.activity().joinedOn(batch);
            for (MemberId member : batch) {
                TierState state = states.get(member);
                population.add(MemberStats.of(member, today, joined.getOrDefault(member, today),
                        facts.getOrDefault(member, List.of()), balances.getOrDefault(member, 0L),
                        state == null ? lowest : tiers.effectiveTier(state, today)));
            }
            return 0;
        }));
        Map<MemberId, MemberSegments> assigned = new Segmentation(program.segments()).assign(population);
        CltvCalculator cltv = new CltvCalculator(program.cltv(), program.segments());
        int changed = 0;
        for (int from = 0; from < population.size(); from += MemberBatches.SIZE) {
            List<SegmentStore.Assigned> batch = new ArrayList<>();
            for (MemberStats stats : population.subList(from, Math.min(population.size(), from + MemberBatches.SIZE))) {
                MemberSegments s = assigned.get(stats.member());
                CltvValue value = cltv.of(stats.withRfmSegment(s.rfmSegment()));
                batch.add(new SegmentStore.Assigned(stats.member(), s.rfm(), s.rfmSegment(), s.segments(),
                        s.churn() == null ? null : s.churn().level().name().toLowerCase(java.util.Locale.ROOT),
                        s.preferredCategory(), value.historic().setScale(2, RoundingMode.HALF_UP),
                        value.predicted().setScale(2, RoundingMode.HALF_UP)));
            }
            changed += ports.unitOfWork().inTransaction(() -> ports.segments().save(batch));
        }
        return changed;
    }
}
