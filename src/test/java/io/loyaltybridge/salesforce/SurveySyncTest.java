package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.sandbox.salesforce.Surveys;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback Management's survey responses read by the real app through camel-salesforce from the sandbox org into the
 * feedback store on a fresh PostgreSQL: each response stored once with its member, score and comment, a changed one
 * updated, each batch one query for its question responses; an org without the objects turns the stream off with a
 * note while contacts go on.
 */
class SurveySyncTest {
    private static final String ANSWERS = "SELECT external_id, survey_type, score, comment, survey_name"
            + " FROM feedback_answers WHERE source_system = 'salesforce' ORDER BY external_id";

    private static Map<String, String> settings(String batch) {
        Map<String, String> s = new HashMap<>(OrgShapeTest.POLL);
        s.put("loyalty.salesforce.feedback.enabled", "true");
        s.put("loyalty.salesforce.feedback.batch-size", batch);
        s.put("loyalty.salesforce.feedback.poll-interval-ms", "300");
        s.put("loyalty.program.file", rewardingProgram());
        return s;
    }

    @Test
    void seeded_responses_are_stored_once_a_changed_one_is_updated_and_each_batch_is_one_answers_query() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            Surveys.Survey nps = sf.admin().surveys().create("Loyalty NPS", "NPS");
            Surveys.Survey csat = sf.admin().surveys().create("Checkout CSAT", "CSAT");
            List<String> responses = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String contact = sf.admin().createContact(Map.of("LastName", "Survey" + i,
                        "Email", "survey" + i + "@example.com"));
                // NPS answers 0-4, CSAT answers 4 and 5 (CSAT is 1 to 5)
                responses.add(sf.admin().surveys().answer(i < 5 ? nps : csat, contact, score(i),
                        i % 2 == 0 ? "c" + i : null, Instant.parse("2026-03-01T09:00:00Z").plusSeconds(i)));
            }
            h.start(settings("3"));
            try {
                Harness.await("7 answers stored", () -> Db.count(h.databaseUrl, "feedback_answers") == 7,
                        Duration.ofSeconds(60));
            } catch (AssertionError e) {
                throw new AssertionError("dead letters: " + Db.rows(h.databaseUrl, "SELECT * FROM dead_letters"), e);
            }
            List<String> stored = Db.rows(h.databaseUrl, ANSWERS);
            for (int i = 0; i < 7; i++) {
                String survey = i < 5 ? "NPS | " : "CSAT | ";
                assertThat(stored).contains(responses.get(i) + " | " + survey + score(i) + ".0000 | "
                        + (i % 2 == 0 ? "c" + i : null) + " | " + (i < 5 ? "Loyalty NPS" : "Checkout CSAT"));
            }
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(DISTINCT member_id) FROM feedback_answers"))
                    .isEqualTo(7);

            // Every read of the 7 responses is 3 batches of at most 3: one answers query each.
            long reads = sf.calls().count("query SurveyResponse");
            Harness.await("three more reads", () -> sf.calls().count("query SurveyResponse") >= reads + 3);
            long responseQueries = sf.calls().count("query SurveyResponse");
            long answerQueries = sf.calls().count("query SurveyQuestionResponse");
            assertThat(answerQueries).as("%d response reads, %d answer queries", responseQueries, answerQueries)
                    .isBetween(3 * (responseQueries - 1), 3 * responseQueries);
            assertThat(Db.rows(h.databaseUrl, ANSWERS)).isEqualTo(stored);

            // A re-submitted response: its answer and completion change, and so does its SystemModstamp.
            String changed = responses.get(1);
            String rated = sf.admin().records("SurveyQuestionResponse").stream()
                    .filter(r -> changed.equals(r.get("ResponseId")) && r.get("NumberValue") != null)
                    .map(r -> (String) r.get("Id")).findFirst().orElseThrow();
            sf.admin().update(rated, Map.of("NumberValue", 10));
            sf.admin().update(changed, Map.of("CompletionDateTime", Instant.parse("2026-03-02T10:00:00Z")));
            Harness.await("the changed answer updated", () -> Db.rows(h.databaseUrl, ANSWERS)
                    .contains(changed + " | NPS | 10.0000 | null | Loyalty NPS"));
            assertThat(Db.count(h.databaseUrl, "feedback_answers")).isEqualTo(7);
            // Each member rewarded once for answering, whatever the score, and not again for the re-read or change.
            long points = h.core().program().feedback().pointsPerAnswer();
            assertThat(Db.rows(h.databaseUrl, "SELECT count(*), count(DISTINCT member_id), sum(points) FROM"
                    + " ledger_entries WHERE source_system = 'feedback'")).containsExactly("7 | 7 | " + 7 * points);
        }
    }

    @Test
    void an_org_without_feedback_management_turns_the_stream_off_with_a_note_and_contacts_go_on() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withoutFeedbackManagement());
             Harness h = new Harness(sf)) {
            String ann = sf.admin().createContact(Map.of("LastName", "Plain", "Email", "plain@example.com"));
            h.start(settings("200"));
            Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
            Harness.await("the note on the SurveyResponse stream", () -> stream(http, "SurveyResponse") != null
                    && !stream(http, "SurveyResponse").get("note").isNull(), Duration.ofSeconds(30));
            JsonNode row = stream(http, "SurveyResponse");
            assertThat(row.get("note").asText()).contains("no Feedback Management objects");
            assertThat(row.get("errors").asLong()).isZero();
            assertThat(row.get("lastError").isNull()).isTrue();
            Harness.await("the contact's member", () -> h.member(ann).isPresent(), Duration.ofSeconds(30));
            assertThat(sf.calls().count("query SurveyResponse")).as("never asked for").isZero();
        }
    }

    private static int score(int i) {
        return i < 5 ? i : i - 1;
    }

    private static JsonNode stream(Http http, String object) {
        JsonNode streams = http.get("/api/sync/status").json().at("/systems/salesforce/streams");
        for (JsonNode s : streams) {
            if (s.path("object").asText().equals(object)) {
                return s;
            }
        }
        return null;
    }

    /** The flat test program with a feedback section: 15 points an answered survey (to see rewards in the ledger). */
    static String rewardingProgram() {
        try {
            java.nio.file.Path program = java.nio.file.Path.of("target", "salesforce-feedback-program.yaml");
            java.nio.file.Files.writeString(program, java.nio.file.Files.readString(
                    io.loyaltybridge.support.StoreFixture.FLAT_PROGRAM)
                    + "\nfeedback:\n  pointsPerAnswer: 15\n  maxRewardsPerYear: 3\n");
            return program.toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
