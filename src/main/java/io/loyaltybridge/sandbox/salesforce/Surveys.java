package io.loyaltybridge.sandbox.salesforce;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Surveys answered as Feedback Management records them, for tests and the demo: a survey with its version, its
 * rated question (NPS, CSAT, Rating...) and a free-text question; an answer is the participant's invitation, the
 * completed SurveyResponse and one SurveyQuestionResponse per answered question. Records are written as Salesforce
 * writes them (the API itself may only read them).
 */
public final class Surveys {
    /** A survey's ids: the survey, its active version, the rated question and the comment question. */
    public record Survey(String surveyId, String versionId, String ratedQuestionId, String commentQuestionId) {
    }

    private final SandboxAdmin admin;

    Surveys(SandboxAdmin admin) {
        this.admin = admin;
    }

    /** A survey whose first question has {@code questionType} (NPS, CSAT, Rating, Score, Slider). */
    public Survey create(String name, String questionType) {
        String survey = admin.create("Survey", Map.of("Name", name, "DeveloperName", name.replaceAll("\\W", "_")));
        String version = admin.create("SurveyVersion", Map.of("Name", name, "SurveyId", survey, "VersionNumber", 1));
        admin.update(survey, Map.of("ActiveVersionId", version));
        String rated = admin.create("SurveyQuestion", Map.of("Name", "How likely are you to recommend us?",
                "QuestionType", questionType, "SurveyVersionId", version));
        String comment = admin.create("SurveyQuestion", Map.of("Name", "Anything to add?",
                "QuestionType", "FreeText", "SurveyVersionId", version));
        return new Survey(survey, version, rated, comment);
    }

    /**
     * The contact's completed answer: {@code score} to the rated question, {@code comment} (null: none) to the
     * free-text one. Returns the SurveyResponse id.
     */
    public String answer(Survey survey, String contactId, Number score, String comment, Instant completedAt) {
        String invitation = admin.create("SurveyInvitation", Map.of("Name", "Invitation " + contactId,
                "SurveyId", survey.surveyId(), "ParticipantId", contactId, "ResponseStatus", "Completed"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Name", "Response " + contactId);
        response.put("SurveyId", survey.surveyId());
        response.put("SurveyVersionId", survey.versionId());
        response.put("InvitationId", invitation);
        response.put("SubmitterId", contactId);
        response.put("Status", "Completed");
        response.put("CompletionDateTime", completedAt);
        String id = admin.create("SurveyResponse", response);
        admin.create("SurveyQuestionResponse", Map.of("ResponseId", id, "QuestionId", survey.ratedQuestionId(),
                "InvitationId", invitation, "SurveyVersionId", survey.versionId(), "Datatype", "Int",
                "NumberValue", score, "ResponseValue", score.toString()));
        if (comment != null) {
            admin.create("SurveyQuestionResponse", Map.of("ResponseId", id, "QuestionId",
                    survey.commentQuestionId(), "InvitationId", invitation, "SurveyVersionId", survey.versionId(),
                    "Datatype", "String", "ResponseValue", comment, "ResponseShortText",
                    comment.length() > 255 ? comment.substring(0, 255) : comment));
        }
        return id;
    }
}
