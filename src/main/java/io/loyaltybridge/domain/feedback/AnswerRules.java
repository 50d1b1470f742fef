package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.Violation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every answer is held to, whether a CRM or the API brought it: a survey, a known type, a score on the type's
 * scale, a submission date not in the future (a day of clock skew allowed, as for orders), a comment of sane size.
 */
public final class AnswerRules {
    /** Longest comment kept: a survey comment, not a document. */
    public static final int MAX_COMMENT = 4000;
    private static final Duration SKEW = Duration.ofDays(1);

    private AnswerRules() {
    }

    public static List<Violation> violations(String surveyId, String surveyType, BigDecimal score, String comment,
                                             Instant submittedAt, Instant now) {
        List<Violation> problems = new ArrayList<>();
        if (surveyId == null || surveyId.isBlank()) {
            problems.add(new Violation("survey", "is required"));
        } else if (surveyId.length() > 200) {
            problems.add(new Violation("survey", "is at most 200 characters"));
        }
        var type = SurveyType.of(surveyType);
        if (type.isEmpty()) {
            problems.add(new Violation("type", "must be one of " + Arrays.toString(SurveyType.values())
                    + (surveyType == null ? "" : ", not '" + surveyType + "'")));
        } else {
            type.get().problemWith(score).ifPresent(p -> problems.add(new Violation("score", p)));
        }
        if (type.isPresent() && type.get() == SurveyType.NPS && score == null) {
            problems.add(new Violation("score", "is required for an NPS answer"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new Violation("comment", "is at most " + MAX_COMMENT + " characters"));
        }
        if (submittedAt == null) {
            problems.add(new Violation("submittedAt", "is required"));
        } else if (submittedAt.isAfter(now.plus(SKEW))) {
            problems.add(new Violation("submittedAt", "is in the future"));
        }
        return problems;
    }
}
