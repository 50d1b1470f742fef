package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey answers on the CRM contact (issue 19), end to end with both sandboxes and the shipped program: one person
 * in both CRMs answers an NPS survey with a detractor's score. Both contacts show last-feedback-score, nps-category
 * and last-feedback-on as GET /api/members/{id}/crm computes them, in the one update a changed member costs; the
 * member is in the detractors segment; and the detractor_feedback event is an open Salesforce Task owned by the
 * contact's owner and a HubSpot note. A promoter's answer afterwards moves the fields and raises no event.
 */
class FeedbackOnContactTest {
    private static final String HS_TOKEN = "pat-na1-feedback-test";
    private static final String HS_SECRET = "feedback-test-app-secret";
    private static final String OWNER = "0055e000003OwnrAAA";

    @Test
    void a_detractor_answer_reaches_both_contacts_as_the_core_shows_it_and_is_a_task_for_the_owner_and_a_note() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             HubSpotSandbox hs = HubSpotSandbox.start(io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults()
                     .token(HS_TOKEN).appSecret(HS_SECRET));
             Harness h = new Harness(sf)) {
            String contact = sf.admin().createContact(Map.of("FirstName", "Dora", "LastName", "Detractor",
                    "Email", "dora@example.com", "OwnerId", OWNER));
            long hsContact = hs.admin().createContact("dora@example.com", "Dora", "Detractor");
            h.app = BothCrmsAgree.start(h, hs, HS_TOKEN, HS_SECRET, Clock.systemUTC());
            Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
            Harness.await("one member in both CRMs", () -> {
                JsonNode found = http.get("/api/members?email=dora@example.com").json();
                return found != null && found.has("id") && BothCrmsAgree.on(http, found.get("id").asLong());
            }, Duration.ofSeconds(60));
            long member = http.get("/api/members?email=dora@example.com").json().get("id").asLong();
            long composites = sf.calls().count("composite.update");
            long batches = hs.calls().calls("POST /crm/v3/objects/contacts/batch/update");

            Instant answered = Instant.now().minus(1, ChronoUnit.HOURS);
            Http.Response posted = http.post("/api/members/" + member + "/feedback", """
                    {"survey":"nps-2026","surveyName":"Yearly NPS","type":"NPS","score":3,"comment":"slow delivery",
                     "submittedAt":"%s","idempotencyKey":"nps-2026-dora"}""".formatted(answered));
            assertThat(posted.status()).as(posted.text()).isEqualTo(201);

            String day = LocalDate.ofInstant(answered, ZoneId.of("Europe/Paris")).toString();
            Harness.await("both CRMs show the answer", () -> {
                JsonNode systems = http.get("/api/members/" + member + "/crm").json().get("systems");
                return BothCrmsAgree.on(http, member) && "detractor".equals(systems.at(
                        "/salesforce/fields/Loyalty_NPS_Category__c").asText())
                        && "detractor".equals(systems.at("/hubspot/fields/loyalty_nps_category").asText());
            }, Duration.ofSeconds(30));
            JsonNode systems = http.get("/api/members/" + member + "/crm").json().get("systems");
            assertThat(systems.at("/salesforce/fields/Loyalty_Last_Feedback_Score__c").asText()).isEqualTo("3");
            assertThat(systems.at("/salesforce/fields/Loyalty_Last_Feedback_On__c").asText()).isEqualTo(day);
            assertThat(systems.at("/hubspot/fields/loyalty_last_feedback_score").asText()).isEqualTo("3");
            assertThat(systems.at("/hubspot/fields/loyalty_last_feedback_on").asText()).isEqualTo(day);
            Map<String, Object> sfContact = sf.admin().records("Contact").stream()
                    .filter(c -> contact.equals(c.get("Id"))).findFirst().orElseThrow();
            assertThat(sfContact.get("Loyalty_NPS_Category__c")).isEqualTo("detractor");
            assertThat(hs.admin().properties(ObjectType.CONTACTS, hsContact).orElseThrow().get("loyalty_nps_category"))
                    .isEqualTo("detractor");
            assertThat(sf.calls().count("composite.update") - composites).isEqualTo(1);
            assertThat(hs.calls().calls("POST /crm/v3/objects/contacts/batch/update") - batches).isEqualTo(1);
            assertThat(http.get("/api/members/" + member).text()).contains("detractors");

            Harness.await("the detractor_feedback event delivered to both CRMs", () -> Db.longValue(h.databaseUrl,
                    "SELECT count(*) FROM notification_deliveries d JOIN member_events e ON e.id = d.event_id"
                            + " WHERE e.event_type = 'detractor_feedback' AND d.status = 'delivered'") == 2,
                    Duration.ofSeconds(30));
            List<Map<String, Object>> tasks = sf.admin().records("Task").stream()
                    .filter(t -> contact.equals(t.get("WhoId")) && "Not Started".equals(t.get("Status"))).toList();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("OwnerId")).isEqualTo(OWNER);
            assertThat(tasks.get(0).get("Priority")).isEqualTo("High");
            String expected = "Dora Detractor answered 3 of 10 (Yearly NPS): please get in touch";
            assertThat(tasks.get(0).get("Subject")).isEqualTo(expected);
            assertThat(hs.admin().associations(ObjectType.CONTACTS, hsContact, ObjectType.NOTES).stream()
                    .map(note -> hs.admin().properties(ObjectType.NOTES, note).orElseThrow().get("hs_note_body")))
                    .anySatisfy(body -> assertThat(body).contains("gave 3 of 10 in Yearly NPS on " + day));

            // A promoter's answer afterwards: the fields follow, no second event, out of the segment.
            http.post("/api/members/" + member + "/feedback", """
                    {"survey":"nps-2026-b","type":"NPS","score":10,"submittedAt":"%s","idempotencyKey":"nps-b"}"""
                    .formatted(answered.plusSeconds(60)));
            Harness.await("both CRMs show the promoter", () -> BothCrmsAgree.on(http, member)
                    && "promoter".equals(http.get("/api/members/" + member + "/crm").json()
                    .at("/systems/hubspot/fields/loyalty_nps_category").asText()), Duration.ofSeconds(30));
            assertThat(Db.longValue(h.databaseUrl,
                    "SELECT count(*) FROM member_events WHERE event_type = 'detractor_feedback'")).isEqualTo(1);
            assertThat(http.get("/api/members/" + member).text()).doesNotContain("detractors");
        }
    }
}
