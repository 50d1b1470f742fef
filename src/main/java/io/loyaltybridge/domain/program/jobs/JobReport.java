package io.loyaltybridge.domain.program.jobs;

/**
 * What a job run did: the changes it wrote (zero on a second run the same day). {@code skipped}: the job was already
 * running elsewhere in the cluster, so this run did nothing and logged nothing.
 */
public record JobReport(String job, int changes, boolean skipped) {
    public JobReport(String job, int changes) {
        this(job, changes, false);
    }
}
