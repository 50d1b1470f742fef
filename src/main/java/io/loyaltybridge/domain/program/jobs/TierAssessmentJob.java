package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.DowngradeRisk;
import io.loyaltybridge.domain.program.tiers.DowngradeRisks;
import io.loyaltybridge.domain.program.tiers.Qualifying;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assesses every member's tier: confirms, raises, or (after the grace period) lowers it as the program says; then
 * stores each member's downgrade risk where it changed (the risk moves with the days left, so the daily assessment
 * is where it is noticed). A second assessment on the same day reaches the same states and saves nothing.
 */
final class TierAssessmentJob {
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();
    private final Program program;
    private final TierPolicy policy;
    private final JobPorts ports;
    private final DowngradeRisks risks;
    private final Clock clock;

    /** Without keeping downgrade risks (nothing stored, no events). */
    TierAssessmentJob(Program program, JobPorts ports, Clock clock) {
        this(program, ports, DowngradeRisks.UNWATCHED, clock);
    }

    TierAssessmentJob(Program program, JobPorts ports, DowngradeRisks risks, Clock clock) {
        this.program = program;
        this.policy = new TierPolicy(program.tiers());
        this.ports = ports;
        this.risks = risks;
        this.clock = clock;
    }

    int run() {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        // Far enough back for the previous window of any window kind.
        LocalDate from = today.minusMonths(Math.max(24, 2L * program.tiers().rollingMonths()));
        String lowest = program.tiers().lowest().name();
        // A batch reads and writes only its own members' rows: the batches run on every core.
        return MemberBatches.forEach(ports, "Tier assessment", WORKERS, batch -> ports.unitOfWork().inTransaction(() -> {
            Map<MemberId, TierState> states = ports.tiers().get(batch);
            Map<MemberId, List<Qualifying>> activity = ports.activity().qualifying(batch, from);
            Map<MemberId, LocalDate> joined = ports.activity().joinedOn(batch);
            Map<MemberId, DowngradeRisk> stored = risks.get(batch);
            List<DowngradeRisks.Change> riskChanges = new ArrayList<>();
            Map<MemberId, TierState> toSave = new LinkedHashMap<>();
            int changed = 0;
            for (MemberId member : batch) {
                LocalDate joinedOn = joined.getOrDefault(member, today);
                TierState state = states.getOrDefault(member, TierState.start(lowest, joinedOn));
                TierState next = policy.assess(state, activity.getOrDefault(member, List.of()), today, joinedOn);
                if (!states.containsKey(member) || !next.equals(state)) {
                    toSave.put(member, next);
                    changed += next.equals(state) ? 0 : 1;
                }
                TierStatus status = policy.status(next, activity.getOrDefault(member, List.of()), today, joinedOn);
                DowngradeRisk before = stored.getOrDefault(member, DowngradeRisk.NONE);
                if (status.downgradeRisk() != before) {
                    riskChanges.add(new DowngradeRisks.Change(member, before, status));
                }
            }
            ports.tiers().saveAll(toSave); // one write for the batch, not one per member
            risks.save(riskChanges, today);
            return changed;
        }));
    }
}
