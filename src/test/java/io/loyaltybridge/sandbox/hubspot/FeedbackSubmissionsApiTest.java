package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** feedback_submissions as HubSpot's spec and guide describe it: readable four ways, never writable, scoped. */
class FeedbackSubmissionsApiTest extends SandboxFixture {
    private static final String PATH = "/crm/v3/objects/feedback_submissions";

    private long answer(long contact, String score, String comment) {
        return hs.admin().createFeedback(contact, Map.of("hs_value", score, "hs_survey_type", "NPS",
                "hs_survey_id", "77", "hs_survey_name", "Loyalty NPS", "hs_content", comment,
                "hs_sentiment", "PROMOTER", "hs_submission_timestamp", "2026-03-01T09:30:00Z"));
    }

    @Test
    void anAnswerIsReadAloneInAListInABatchAndBySearchWithItsSurveyProperties() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long id = answer(ann, "9", "Great rewards");
        String props = "hs_value,hs_survey_type,hs_survey_id,hs_survey_name,hs_content,hs_submission_timestamp";

        JsonNode one = http.get(PATH + "/" + id + "?properties=" + props).json();
        assertThat(one.get("properties").get("hs_value").asText()).isEqualTo("9");
        assertThat(one.get("properties").get("hs_content").asText()).isEqualTo("Great rewards");
        assertThat(one.get("properties").get("hs_submission_timestamp").asText())
                .isEqualTo("2026-03-01T09:30:00.000Z");
        JsonNode listed = http.get(PATH + "?limit=10&properties=hs_survey_type").json();
        assertThat(listed.get("results").get(0).get("properties").get("hs_survey_type").asText()).isEqualTo("NPS");
        JsonNode batch = http.post(PATH + "/batch/read", "{\"properties\":[\"hs_survey_name\"],"
                + "\"propertiesWithHistory\":[],\"inputs\":" + ids(id) + "}").json();
        assertThat(batch.get("results").get(0).get("properties").get("hs_survey_name").asText())
                .isEqualTo("Loyalty NPS");
        JsonNode found = http.post(PATH + "/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"0"}]}],
                 "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],
                 "properties":["hs_value","hs_survey_id"],"limit":100,"after":"0"}""").json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("results").get(0).get("properties").get("hs_survey_id").asText()).isEqualTo("77");
    }

    @Test
    void anAnswerLeadsToItsContactThroughAssociationsV4() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long id = answer(ann, "3", "Too slow");
        var res = http.post("/crm/v4/associations/feedback_submissions/contacts/batch/read",
                "{\"inputs\":" + ids(id) + "}");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("results").get(0).get("to").get(0).get("toObjectId").asText()).isEqualTo("" + ann);
    }

    @Test
    void writesAreRefusedWith403AndTheAnswerStaysAsItWas() throws Exception {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long id = answer(ann, "9", "Great rewards");
        String props = "{\"properties\":{\"hs_value\":\"0\"}}";
        assertThat(raw("POST", PATH, props).statusCode()).isEqualTo(403);
        HttpResponse<String> patch = raw("PATCH", PATH + "/" + id, props);
        assertThat(patch.statusCode()).isEqualTo(403);
        assertThat(patch.body()).contains("\"category\":\"MISSING_SCOPES\"");
        assertThat(raw("DELETE", PATH + "/" + id, null).statusCode()).isEqualTo(403);
        assertThat(raw("POST", PATH + "/batch/update", "{\"inputs\":[{\"id\":\"" + id + "\","
                + "\"properties\":{\"hs_value\":\"0\"}}]}").statusCode()).isEqualTo(403);
        assertThat(hs.admin().properties(ObjectType.FEEDBACK_SUBMISSIONS, id).orElseThrow().get("hs_value"))
                .isEqualTo("9");
    }

    @Test
    void anAppWithoutTheFeedbackScopeGets403MissingScopesThereAndReadsContactsAsBefore() {
        try (HubSpotSandbox narrow = HubSpotSandbox.start(SandboxOptions.defaults().token(TOKEN).clock(clock)
                .scopes("crm.objects.contacts.write", "crm.objects.orders.read"))) {
            HubSpotHttp client = new HubSpotHttp(narrow.baseUrl(), TOKEN);
            long ann = narrow.admin().createContact("ann@example.com", "Ann", "Meyer");
            narrow.admin().createFeedback(ann, Map.of("hs_value", "9", "hs_survey_type", "NPS"));
            var refused = client.post(PATH + "/search", """
                    {"filterGroups":[],"sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],
                     "properties":["hs_value"],"limit":10,"after":"0"}""");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("category").asText()).isEqualTo("MISSING_SCOPES");
            assertThat(refused.json().get("context").get("requiredGranularScopes").toString())
                    .contains("crm.objects.feedback_submissions.read");
            assertThat(client.get("/crm/v3/objects/contacts/" + ann).status()).isEqualTo(200);
        }
    }

    @Test
    void anAppHoldingOnlyTheFeedbackScopeReadsAnswers() {
        try (HubSpotSandbox scoped = HubSpotSandbox.start(SandboxOptions.defaults().token(TOKEN).clock(clock)
                .scopes("crm.objects.feedback_submissions.read"))) {
            long ann = scoped.admin().createContact("ann@example.com", "Ann", "Meyer");
            long id = scoped.admin().createFeedback(ann, Map.of("hs_value", "9", "hs_survey_type", "NPS"));
            assertThat(new HubSpotHttp(scoped.baseUrl(), TOKEN).get(PATH + "/" + id).status()).isEqualTo(200);
        }
    }

    private HttpResponse<String> raw(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hs.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
