package io.loyaltybridge.domain.feedback;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Where an NPS answer puts the member: 0-6 a detractor, 7-8 passive, 9-10 a promoter (Bain's bands). A score
 * between bands (6.5, from a survey that allows fractions) falls in the lower one, as it did not reach the next.
 */
public enum NpsCategory {
    DETRACTOR, PASSIVE, PROMOTER;

    private static final BigDecimal PASSIVE_FROM = BigDecimal.valueOf(7);
    private static final BigDecimal PROMOTER_FROM = BigDecimal.valueOf(9);

    public static NpsCategory of(BigDecimal score) {
        if (score.compareTo(PROMOTER_FROM) >= 0) {
            return PROMOTER;
        }
        return score.compareTo(PASSIVE_FROM) >= 0 ? PASSIVE : DETRACTOR;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
