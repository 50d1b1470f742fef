package io.loyaltybridge.domain.program;

/**
 * The program's {@code feedback:} section. {@code pointsPerAnswer} is given for an answered survey whatever its score
 * (rewarding only good scores would bias the measure), at most once per survey per member and at most
 * {@code maxRewardsPerYear} times a calendar year (program time zone, by the answer's date). A member whose last NPS
 * answer was 0-6 within {@code detractorWithinDays} days is in the {@code detractors} segment.
 */
public record FeedbackRules(long pointsPerAnswer, int maxRewardsPerYear, int detractorWithinDays) {
    /** No feedback section: answers are stored and analysed, never rewarded. */
    public static final FeedbackRules NONE = new FeedbackRules(0, 0, 90);

    public boolean rewards() {
        return pointsPerAnswer > 0 && maxRewardsPerYear > 0;
    }
}
