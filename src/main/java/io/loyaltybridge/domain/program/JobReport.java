package io.loyaltybridge.domain.program;

/** What a job run did: the changes it wrote (zero on a second run the same day). */
public record JobReport(String job, int changes) {
}
