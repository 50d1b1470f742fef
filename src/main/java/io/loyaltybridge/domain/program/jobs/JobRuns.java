package io.loyaltybridge.domain.program.jobs;

import java.time.Instant;
import java.util.Optional;

/** The log of job runs (what ran when, and how much it changed), and the lock that lets one run of a job at a time. */
public interface JobRuns {
    /** The job's cluster-wide lock, held until closed (or until this process dies). */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the job's lock if no run of it holds it anywhere in the cluster; empty when one does. */
    Optional<Claim> claim(String job);

    /** Logs a run as started; {@code by} is who asked (null: the scheduler). Returns the run's id. */
    long started(String job, Instant at, String by);

    void finished(long run, Instant at, int changes, String error);

    /** When the last run of {@code job} that finished without error started; empty if none did. */
    Optional<Instant> lastSucceeded(String job);
}
