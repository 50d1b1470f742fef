package io.loyaltybridge.domain.program;

import java.time.Instant;

/** The log of job runs: what ran when, and how much it changed. */
public interface JobRuns {
    long started(String job, Instant at);

    void finished(long run, Instant at, int changes, String error);
}
