package io.loyaltybridge.domain.program;

/** Quartz cron expressions of the program's scheduled jobs, run in the program time zone. */
public record Jobs(String expiry, String tierAssessment, String segmentsAndCltv, String birthdayBonus,
                   String pendingRelease) {
}
