package io.loyaltybridge.domain.feedback;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of survey an answer can come from, each with the scale its score is on. NPS is "how likely are you to
 * recommend us", 0-10; CSAT "how satisfied are you", 1-5; CES "how easy was it", 1-7 (HubSpot's customer effort
 * scale). A CUSTOM survey's score is whatever its author chose, so only a finite number is asked of it.
 */
public enum SurveyType {
    NPS(0, 10), CSAT(1, 5), CES(1, 7), CUSTOM(null, null);

    private final BigDecimal min;
    private final BigDecimal max;

    SurveyType(Integer min, Integer max) {
        this.min = min == null ? null : BigDecimal.valueOf(min);
        this.max = max == null ? null : BigDecimal.valueOf(max);
    }

    /** The type of this name, whatever its case; empty for a name that is not a type. */
    public static Optional<SurveyType> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why this score is not on the type's scale, or empty when it is (a missing score is allowed: a comment only). */
    public Optional<String> problemWith(BigDecimal score) {
        if (score == null || min == null) {
            return Optional.empty();
        }
        if (score.compareTo(min) < 0 || score.compareTo(max) > 0) {
            return Optional.of("a " + name() + " score is from " + min + " to " + max + ", not " + score.toPlainString());
        }
        return Optional.empty();
    }
}
