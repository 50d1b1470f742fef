package io.loyaltybridge.domain.program.jobs;

/**
 * Quartz cron expressions of the program's scheduled jobs, run in the program time zone.
 *
 * @param contestClose when ended contests are closed and their prizes granted
 */
public record Jobs(String expiry, String tierAssessment, String segmentsAndCltv, String birthdayBonus,
                   String pendingRelease, String contestClose) {
    /** Closes contests at twenty past every hour unless the file says otherwise. */
    public static final String CONTEST_CLOSE_DEFAULT = "0 20 * * * ?";

    public Jobs(String expiry, String tierAssessment, String segmentsAndCltv, String birthdayBonus,
                String pendingRelease) {
        this(expiry, tierAssessment, segmentsAndCltv, birthdayBonus, pendingRelease, CONTEST_CLOSE_DEFAULT);
    }
}
