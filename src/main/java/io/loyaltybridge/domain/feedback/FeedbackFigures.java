package io.loyaltybridge.domain.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The answers of one group (all, a tier, an RFM segment, a month) counted the way the figures need them. NPS is
 * the percentage of promoters (9-10) minus that of detractors (0-6) among the NPS answers, -100 to 100. CSAT is the
 * share of satisfied CSAT answers: 4 or 5 on the 1-5 scale, in percent. Both are null for a group without such
 * answers, rather than a misleading 0; both are rounded half up to one decimal.
 */
public record FeedbackFigures(String key, long responses, long npsResponses, long promoters, long passives,
                              long detractors, long csatResponses, long satisfied) {
    /** The lowest CSAT score that counts as satisfied (the top two boxes of 1-5). */
    public static final int SATISFIED_FROM = 4;

    public BigDecimal nps() {
        return npsResponses == 0 ? null : percent(promoters - detractors, npsResponses);
    }

    public BigDecimal csat() {
        return csatResponses == 0 ? null : percent(satisfied, csatResponses);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
