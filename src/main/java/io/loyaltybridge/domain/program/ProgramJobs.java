package io.loyaltybridge.domain.program;

import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * The program's scheduled jobs, as the Quartz routes call them. Each is idempotent (a second run on the same day
 * changes nothing) and works through members in batches; each run is logged with what it did.
 */
public final class ProgramJobs {
    private final JobPorts ports;
    private final Clock clock;
    private final ExpiryJob expiry;
    private final TierAssessmentJob tierAssessment;
    private final SegmentsJob segments;
    private final BirthdayJob birthdays;

    public ProgramJobs(Program program, JobPorts ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
        this.expiry = new ExpiryJob(program, ports, new MemberExpiry(program, ports.ledger(), clock));
        this.tierAssessment = new TierAssessmentJob(program, ports, clock);
        this.segments = new SegmentsJob(program, ports, clock);
        this.birthdays = new BirthdayJob(program, ports, clock);
    }

    public JobReport expiry() {
        return run("expiry", expiry::run);
    }

    public JobReport tierAssessment() {
        return run("tier-assessment", tierAssessment::run);
    }

    public JobReport segmentsAndCltv() {
        return run("segments-and-cltv", segments::run);
    }

    public JobReport birthdayBonus() {
        return run(BirthdayJob.NAME, birthdays::run);
    }

    /** Releases every order whose return window has ended, one order per transaction. */
    public JobReport pendingRelease() {
        return run("pending-release", () -> {
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
        });
    }

    private JobReport run(String job, IntSupplier work) {
        long run = ports.unitOfWork().inTransaction(() -> ports.runs().started(job, clock.instant()));
        try {
            int changes = work.getAsInt();
            ports.unitOfWork().inTransaction(() -> {
                ports.runs().finished(run, clock.instant(), changes, null);
                return null;
            });
            return new JobReport(job, changes);
        } catch (RuntimeException failure) {
            ports.unitOfWork().inTransaction(() -> {
                ports.runs().finished(run, clock.instant(), 0, String.valueOf(failure.getMessage()));
                return null;
            });
            throw failure;
        }
    }
}
