package io.loyaltybridge.domain.program;

import java.time.Instant;
import java.util.Optional;

/** The log of job runs: what ran when, and how much it changed. */
public interface JobRuns {
    long started(String job, Instant at);

    void finished(long run, Instant at, int changes, String error);

    /** When the last run of {@code job} that finished without error started; empty if none did. */
    Optional<Instant> lastSucceeded(String job);
}
