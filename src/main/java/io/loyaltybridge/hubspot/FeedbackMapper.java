package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sync.InboundFeedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A feedback submission as the engine's survey answer. The property names are HubSpot's (survey response guide and
 * property reference): hs_value the score, hs_content the written answer, hs_survey_type NPS / CSAT / CES / CUSTOM.
 * The contact comes from associations v4; hs_contact_id, which HubSpot also fills, stands in when the association is
 * missing.
 */
final class FeedbackMapper {
    static final String OBJECT = "feedback_submissions";
    static final String MODIFIED = "hs_lastmodifieddate";
    static final List<String> PROPERTIES = List.of("hs_value", "hs_survey_type", "hs_survey_id", "hs_survey_name",
            "hs_sentiment", "hs_content", "hs_submission_timestamp", "hs_contact_id", "hs_createdate", MODIFIED);
    private static final Set<String> TYPES = Set.of("NPS", "CSAT", "CES");

    private FeedbackMapper() {
    }

    static InboundFeedback answer(JsonNode record, String contactId) {
        JsonNode p = record.path("properties");
        String type = text(p, "hs_survey_type");
        String upper = type == null ? null : type.toUpperCase(Locale.ROOT);
        String contact = contactId != null ? contactId : text(p, "hs_contact_id");
        Instant submitted = ContactMapper.instant(text(p, "hs_submission_timestamp"));
        return new InboundFeedback(ContactMapper.SYSTEM, record.path("id").asText(), contact, text(p, "hs_survey_id"),
                text(p, "hs_survey_name"), TYPES.contains(upper) ? upper : "CUSTOM",
                "CSAT".equals(upper) ? csatOnFivePoints(score(text(p, "hs_value"))) : score(text(p, "hs_value")),
                text(p, "hs_sentiment"), text(p, "hs_content"),
                submitted != null ? submitted : ContactMapper.instant(text(p, "hs_createdate")),
                ContactMapper.modified(record, MODIFIED));
    }

    /**
     * HubSpot's CSAT answer is one of three faces, held as 0 (dissatisfied), 1 (neutral) or 2 (satisfied); the core
     * keeps CSAT on the common 1-5 scale, where 4-5 counts as satisfied. The three faces map to its ends and middle
     * (1, 3, 5), so "satisfied" means the same in both CRMs and a HubSpot answer is never refused as out of range. A
     * value outside 0-2 is passed on as read, for the store to refuse with its reason.
     */
    static BigDecimal csatOnFivePoints(BigDecimal faces) {
        if (faces == null || faces.signum() < 0 || faces.compareTo(BigDecimal.valueOf(2)) > 0
                || faces.stripTrailingZeros().scale() > 0) {
            return faces;
        }
        return BigDecimal.valueOf(1 + 2L * faces.intValueExact());
    }

    /** A score HubSpot holds as text; one that is not a number is kept out (null), the answer itself is not. */
    private static BigDecimal score(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode properties, String name) {
        JsonNode v = properties.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
