package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sync.InboundFeedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Feedback Management's records as survey answers. A SurveyResponse is one answer: its score is the NumberValue of its
 * rated question (an NPS question first, then CSAT, then a rating, score or slider one), its comment the text of its
 * first free-text question, its contact the invitation's participant (or the submitter) when that is a Contact.
 * The type is the rated question's: NPS, CSAT, or CUSTOM for the other rated kinds. Field names are those of
 * Salesforce's object reference (SurveyResponse, SurveyQuestionResponse, SurveyInvitation, SurveyQuestion).
 */
final class SurveyRecords {
    static final String RESPONSE = "SurveyResponse";
    static final String RESPONSES = "SELECT Id, SurveyId, Survey.Name, Invitation.ParticipantId, SubmitterId, Status,"
            + " CompletionDateTime, CreatedDate, SystemModstamp FROM SurveyResponse";
    static final String ANSWERS = "SELECT ResponseId, NumberValue, ResponseValue, Question.QuestionType"
            + " FROM SurveyQuestionResponse";
    /** Rated question types, the one read first first. */
    private static final List<String> RATED = List.of("NPS", "CSAT", "Rating", "Score", "Slider");
    private static final List<String> TEXT = List.of("FreeText", "ShortText", "LongText");
    private static final String CONTACT_PREFIX = "003";

    private SurveyRecords() {
    }

    /** The answer of a completed response; null for one not completed yet (it comes again when it is). */
    static InboundFeedback answer(JsonNode response, List<JsonNode> answers) {
        if (!"Completed".equals(text(response, "Status"))) {
            return null;
        }
        JsonNode rated = null;
        String comment = null;
        for (JsonNode a : answers) {
            String type = a.path("Question").path("QuestionType").asText("");
            if (RATED.contains(type) && !a.path("NumberValue").isNull() && !a.path("NumberValue").isMissingNode()
                    && (rated == null || RATED.indexOf(type) < RATED.indexOf(questionType(rated)))) {
                rated = a;
            } else if (TEXT.contains(type) && comment == null) {
                comment = text(a, "ResponseValue");
            }
        }
        String ratedType = rated == null ? null : questionType(rated);
        String type = "NPS".equals(ratedType) || "CSAT".equals(ratedType) ? ratedType : "CUSTOM";
        BigDecimal score = rated == null ? null : rated.path("NumberValue").decimalValue().stripTrailingZeros();
        Instant completed = Values.instant(text(response, "CompletionDateTime"));
        return new InboundFeedback(ContactRecords.SYSTEM, text(response, "Id"), contact(response),
                text(response, "SurveyId"), text(response.path("Survey"), "Name"), type, score, null, comment,
                completed != null ? completed : Values.instant(text(response, "CreatedDate")),
                Values.instant(text(response, "SystemModstamp")));
    }

    static String contact(JsonNode response) {
        String participant = text(response.path("Invitation"), "ParticipantId");
        if (participant != null && participant.startsWith(CONTACT_PREFIX)) {
            return participant;
        }
        String submitter = text(response, "SubmitterId");
        return submitter != null && submitter.startsWith(CONTACT_PREFIX) ? submitter : participant;
    }

    static Map<String, List<JsonNode>> byResponse(List<JsonNode> answers) {
        Map<String, List<JsonNode>> by = new java.util.HashMap<>();
        answers.forEach(a -> by.computeIfAbsent(a.path("ResponseId").asText(), k -> new java.util.ArrayList<>())
                .add(a));
        return by;
    }

    private static String questionType(JsonNode answer) {
        return answer.path("Question").path("QuestionType").asText("");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
