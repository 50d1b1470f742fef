package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.MutableClock;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feedback Management's objects through the real camel-salesforce client: described as Salesforce describes them,
 * queried by SOQL (parent paths, IN lists, SystemModstamp), never written through the API, and absent altogether
 * from an org without Feedback Management.
 */
class SurveyObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void describe_lists_the_survey_objects_with_their_answer_fields_and_says_responses_are_read_only()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(raw(camel, "GET", "/sobjects", null).path("sobjects"))).contains("Survey",
                    "SurveyInvitation", "SurveyResponse", "SurveyQuestionResponse", "SurveyQuestion");
            JsonNode answers = raw(camel, "GET", "/sobjects/SurveyQuestionResponse/describe", null);
            assertThat(names(answers.path("fields"))).contains("NumberValue", "QuestionId", "ResponseId",
                    "InvitationId", "ResponseValue", "SystemModstamp");
            assertThat(answers.path("createable").asBoolean()).isFalse();
            assertThat(raw(camel, "GET", "/sobjects/SurveyResponse/describe", null).path("updateable").asBoolean())
                    .isFalse();
            assertThat(raw(camel, "GET", "/sobjects/SurveyInvitation/describe", null).path("createable")
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
            JsonNode found = query(camel, "SELECT Id, Survey.Name, Invitation.ParticipantId, CompletionDateTime, "
                    + "SystemModstamp FROM SurveyResponse WHERE SystemModstamp >= 2026-03-01T12:00:30Z "
                    + "ORDER BY SystemModstamp, Id LIMIT 100").path("records");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("Id").asText()).isEqualTo(response);
            assertThat(found.get(0).path("Survey").path("Name").asText()).isEqualTo("Loyalty NPS");
            assertThat(found.get(0).path("Invitation").path("ParticipantId").asText()).isEqualTo(ann);
            JsonNode rows = query(camel, "SELECT ResponseId, NumberValue, ResponseValue, Question.QuestionType "
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
            assertThatThrownBy(() -> raw(camel, "POST", "/sobjects/SurveyResponse",
                    "{\"SurveyId\": \"" + nps.surveyId() + "\"}"))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasStackTraceContaining("INVALID_TYPE_FOR_OPERATION");
            assertThatThrownBy(() -> raw(camel, "PATCH", "/sobjects/SurveyResponse/" + response,
                    "{\"Status\": \"Started\"}")).hasStackTraceContaining("entity type cannot be updated");
            assertThat(sf.admin().field(response, "Status")).isEqualTo("Completed");
        }
    }

    @Test
    void an_org_without_feedback_management_neither_lists_nor_queries_survey_objects() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withoutFeedbackManagement());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(raw(camel, "GET", "/sobjects", null).path("sobjects"))).contains("Contact")
                    .doesNotContain("SurveyResponse", "SurveyQuestionResponse", "SurveyInvitation", "Survey");
            assertThatThrownBy(() -> query(camel, "SELECT Id FROM SurveyResponse"))
                    .hasStackTraceContaining("INVALID_TYPE");
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    private static JsonNode query(CamelSalesforce camel, String soql) throws Exception {
        return JSON.readTree(camel.request("salesforce:query?rawPayload=true", soql, String.class));
    }

    private static JsonNode raw(CamelSalesforce camel, String method, String path, String body) throws Exception {
        String answer = camel.template.requestBodyAndHeaders("salesforce:raw?rawMethod=" + method
                + "&rawPath=/services/data/v62.0" + path, body, Map.of("Content-Type", "application/json"),
                String.class);
        return answer == null || answer.isBlank() ? null : JSON.readTree(answer);
    }
}
