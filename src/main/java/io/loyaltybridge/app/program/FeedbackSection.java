package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.FeedbackRules;

/** Reads the program file's optional {@code feedback:} section (issue 19); absent, answers earn nothing. */
final class FeedbackSection {
    private FeedbackSection() {
    }

    static FeedbackRules read(Section s) {
        long points = s.whole("pointsPerAnswer", false, 0, 0, 1_000_000);
        int perYear = (int) s.whole("maxRewardsPerYear", points > 0, 0, 1, 366);
        int within = (int) s.whole("detractorWithinDays", false, FeedbackRules.NONE.detractorWithinDays(), 1, 3660);
        s.done();
        return new FeedbackRules(points, perYear, within);
    }
}
