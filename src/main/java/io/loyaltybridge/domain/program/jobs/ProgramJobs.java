package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.ContestPorts;
import io.loyaltybridge.domain.program.expiry.MemberExpiry;
import io.loyaltybridge.domain.program.tiers.DowngradeRisks;
import io.loyaltybridge.domain.program.tiers.TierGrantService;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The program's jobs, as the Quartz routes and the jobs API call them. Each is idempotent (a second run on the same
 * day changes nothing) and works through members in batches; each run is logged with what it did. One run of a job
 * at a time in the whole cluster: a run holds the job's lock ({@link JobRuns#claim}) from start to end, and a
 * scheduled run that finds it held is skipped (the run in progress does the same work).
 */
public final class ProgramJobs {
    /** The jobs by name, in the order the API lists them. */
    public static final List<String> NAMES = List.of("segments-and-cltv", "tier-assessment", "expiry",
            "pending-release", "birthday-bonus", ContestCloseJob.NAME);

    /** A run started and holding its job's lock: {@link #finish} does the work and lets the lock go. */
    public record Run(String job, long id, JobRuns.Claim claim) {
    }

    private final JobPorts ports;
    private final Clock clock;
    private final ExpiryJob expiry;
    private final TierAssessmentJob tierAssessment;
    private final SegmentsJob segments;
    private final BirthdayJob birthdays;
    private final TierGrantService grants;
    private final ContestCloseJob contests;

    public ProgramJobs(Program program, JobPorts ports, TierGrantService grants, Clock clock) {
        this(program, ports, grants, DowngradeRisks.UNWATCHED, clock);
    }

    /** {@code risks}: where the tier assessment keeps each member's downgrade risk (and tells its rises). */
    public ProgramJobs(Program program, JobPorts ports, TierGrantService grants, DowngradeRisks risks, Clock clock) {
        this(program, ports, grants, risks, null, clock);
    }

    /** {@code contests}: what the contest close job grants prizes through (null: contests are never closed). */
    public ProgramJobs(Program program, JobPorts ports, TierGrantService grants, DowngradeRisks risks,
                       ContestPorts contests, Clock clock) {
        this.contests = new ContestCloseJob(program, ports, contests, clock);
        this.ports = ports;
        this.clock = clock;
        this.expiry = new ExpiryJob(program, ports, new MemberExpiry(program, ports.ledger(), clock));
        this.tierAssessment = new TierAssessmentJob(program, ports, risks, clock);
        this.segments = new SegmentsJob(program, ports, clock);
        this.birthdays = new BirthdayJob(program, ports, clock);
        this.grants = grants;
    }

    public JobReport expiry() {
        return scheduled("expiry");
    }

    /** Lets staff tier grants past their last day lapse, then assesses every member's earned tier. */
    public JobReport tierAssessment() {
        return scheduled("tier-assessment");
    }

    public JobReport segmentsAndCltv() {
        return scheduled("segments-and-cltv");
    }

    public JobReport birthdayBonus() {
        return scheduled(BirthdayJob.NAME);
    }

    /** Closes every ended contest not closed yet and grants its prizes, each rank once. */
    public JobReport contestClose() {
        return scheduled(ContestCloseJob.NAME);
    }

    /** Releases every order whose return window has ended, one order per transaction. */
    public JobReport pendingRelease() {
        return scheduled("pending-release");
    }

    /**
     * Takes the job's lock and logs the run as started by {@code by}; empty when a run of it holds the lock. The
     * caller must {@link #finish} the run (on any thread) for the lock to be let go.
     */
    public Optional<Run> begin(String job, String by) {
        if (!NAMES.contains(job)) {
            throw new NotFound("no job " + job + " (jobs: " + String.join(", ", NAMES) + ")");
        }
        Optional<JobRuns.Claim> claim = ports.runs().claim(job);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        try {
            long run = ports.unitOfWork().inTransaction(() -> ports.runs().started(job, clock.instant(), by));
            return Optional.of(new Run(job, run, claim.get()));
        } catch (RuntimeException failure) {
            claim.get().close();
            throw failure;
        }
    }

    /** Does the run's work, logs its outcome and lets the job's lock go. */
    public JobReport finish(Run run) {
        try (JobRuns.Claim held = run.claim()) {
            int changes = work(run.job()).getAsInt();
            ports.unitOfWork().inTransaction(() -> {
                ports.runs().finished(run.id(), clock.instant(), changes, null);
                return null;
            });
            return new JobReport(run.job(), changes);
        } catch (RuntimeException failure) {
            ports.unitOfWork().inTransaction(() -> {
                ports.runs().finished(run.id(), clock.instant(), 0, String.valueOf(failure.getMessage()));
                return null;
            });
            throw failure;
        }
    }

    private JobReport scheduled(String job) {
        return begin(job, null).map(this::finish).orElseGet(() -> new JobReport(job, 0, true));
    }

    private IntSupplier work(String job) {
        return switch (job) {
            case "expiry" -> expiry::run;
            case "tier-assessment" -> () -> grants.lapse("job:tier-assessment") + tierAssessment.run();
            case "segments-and-cltv" -> segments::run;
            case "birthday-bonus" -> birthdays::run;
            case "pending-release" -> this::releasePending;
            case ContestCloseJob.NAME -> contests::run;
            default -> throw new NotFound("no job " + job);
        };
    }

    private int releasePending() {
        int released = 0;
        while (true) {
            var due = ports.unitOfWork().inTransaction(() -> ports.orders().dueForRelease(clock.instant(), 500));
            if (due.isEmpty()) {
                return released;
            }
            for (long order : due) {
                released += ports.ledgerService().releasePending(order).isEmpty() ? 0 : 1;
            }
        }
    }
}
