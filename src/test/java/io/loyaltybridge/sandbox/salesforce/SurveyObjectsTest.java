package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.MutableClock;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.loyaltybridge.sandbox.salesforce.CamelSalesforce.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feedback Management's objects through the real camel-salesforce client: described as Salesforce describes them,
 * queried by SOQL (parent paths, IN lists, SystemModstamp), never written through the API, and absent altogether
 * from an org without Feedback Management.
 */
class SurveyObjectsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void describe_lists_the_survey_objects_with_their_answer_fields_and_says_responses_are_read_only()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(camel.raw("GET", "/sobjects", null).path("sobjects"))).contains("Survey",
                    "SurveyInvitation", "SurveyResponse", "SurveyQuestionResponse", "SurveyQuestion");
            JsonNode answers = camel.raw("GET", "/sobjects/SurveyQuestionResponse/describe", null);
            assertThat(names(answers.path("fields"))).contains("NumberValue", "QuestionId", "ResponseId",
                    "InvitationId", "ResponseValue", "SystemModstamp");
            assertThat(answers.path("createable").asBoolean()).isFalse();
            assertThat(camel.raw("GET", "/sobjects/SurveyResponse/describe", null).path("updateable").asBoolean())
                    .isFalse();
            assertThat(camel.raw("GET", "/sobjects/SurveyInvitation/describe", null).path("createable")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    void responses_are_found_by_system_modstamp_with_their_survey_and_participant_then_their_answers_by_id()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String ann = sf.admin().createContact(Map.of("LastName", "Meyer", "Email", "ann@example.com"));
            Surveys.Survey nps = sf.admin().surveys().create("Loyalty NPS", "NPS");
            clock.advance(java.time.Duration.ofMinutes(1));
            String response = sf.admin().surveys().answer(nps, ann, 9, "Great rewards", clock.instant());
            JsonNode found = camel.query("SELECT Id, Survey.Name, Invitation.ParticipantId, CompletionDateTime, "
                    + "SystemModstamp FROM SurveyResponse WHERE SystemModstamp >= 2026-03-01T12:00:30Z "
                    + "ORDER BY SystemModstamp, Id LIMIT 100").path("records");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("Id").asText()).isEqualTo(response);
            assertThat(found.get(0).path("Survey").path("Name").asText()).isEqualTo("Loyalty NPS");
            assertThat(found.get(0).path("Invitation").path("ParticipantId").asText()).isEqualTo(ann);
            JsonNode rows = camel.query("SELECT ResponseId, NumberValue, ResponseValue, Question.QuestionType "
                    + "FROM SurveyQuestionResponse WHERE ResponseId IN ('" + response + "')").path("records");
            assertThat(rows).hasSize(2);
            List<String> types = new ArrayList<>();
            rows.forEach(r -> types.add(r.path("Question").path("QuestionType").asText()));
            assertThat(types).containsExactlyInAnyOrder("NPS", "FreeText");
            rows.forEach(r -> {
                if (r.path("Question").path("QuestionType").asText().equals("NPS")) {
                    assertThat(r.path("NumberValue").asDouble()).isEqualTo(9.0);
                }
            });
        }
    }

    @Test
    void writing_a_survey_response_through_the_api_is_refused_as_an_invalid_operation_for_its_type()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String ann = sf.admin().createContact(Map.of("LastName", "Meyer", "Email", "ann@example.com"));
            Surveys.Survey nps = sf.admin().surveys().create("Loyalty NPS", "NPS");
            String response = sf.admin().surveys().answer(nps, ann, 9, null, clock.instant());
            assertThatThrownBy(() -> camel.raw("POST", "/sobjects/SurveyResponse",
                    "{\"SurveyId\": \"" + nps.surveyId() + "\"}"))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasStackTraceContaining("INVALID_TYPE_FOR_OPERATION");
            assertThatThrownBy(() -> camel.raw("PATCH", "/sobjects/SurveyResponse/" + response,
                    "{\"Status\": \"Started\"}")).hasStackTraceContaining("entity type cannot be updated");
            assertThat(sf.admin().field(response, "Status")).isEqualTo("Completed");
        }
    }

    @Test
    void an_org_without_feedback_management_neither_lists_nor_queries_survey_objects() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withoutFeedbackManagement());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(camel.raw("GET", "/sobjects", null).path("sobjects"))).contains("Contact")
                    .doesNotContain("SurveyResponse", "SurveyQuestionResponse", "SurveyInvitation", "Survey");
            assertThatThrownBy(() -> camel.query("SELECT Id FROM SurveyResponse"))
                    .hasStackTraceContaining("INVALID_TYPE");
        }
    }
}
