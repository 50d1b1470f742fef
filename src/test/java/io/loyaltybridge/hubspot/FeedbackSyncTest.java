package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot survey answers (feedback_submissions) read by the real app from the sandbox, through the spec-checking
 * proxy, into the feedback store on a fresh PostgreSQL: each answer stored once with its member, a changed one
 * updated, every batch one search and one associations call; and an app without the object's scope keeps reading
 * contacts and orders while /api/sync/status says why the answers stopped.
 */
class FeedbackSyncTest {
    private static final String SEARCH = "POST /crm/v3/objects/feedback_submissions/search";
    private static final String LINKS = "POST /crm/v4/associations/feedback_submissions/contacts/batch/read";
    private static final String ANSWERS = "SELECT external_id, survey_type, score, comment FROM feedback_answers"
            + " WHERE source_system = 'hubspot' ORDER BY external_id";

    private static Map<String, String> answer(int score, String comment) {
        Map<String, String> p = new HashMap<>(Map.of("hs_value", Integer.toString(score), "hs_survey_type", "NPS",
                "hs_survey_id", "501", "hs_survey_name", "Loyalty NPS", "hs_submission_timestamp",
                "2026-03-01T09:30:00Z"));
        if (comment != null) {
            p.put("hs_content", comment);
        }
        return p;
    }

    @Test
    void seeded_answers_are_stored_once_a_changed_one_is_updated_and_each_batch_is_one_search_and_one_link_read()
            throws Exception {
        List<Long> contacts = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.hubspot.feedback.enabled", "true",
                "loyalty.hubspot.feedback.batch-size", "4", "loyalty.hubspot.feedback.poll-interval-ms", "300",
                "loyalty.program.file", rewardingProgram()),
                hs -> {
                    for (int i = 0; i < 10; i++) {
                        contacts.add(hs.admin().createContact("f" + i + "@example.com", "F" + i, "Feedback"));
                    }
                    for (int i = 0; i < 10; i++) {
                        answers.add(hs.admin().createFeedback(contacts.get(i), answer(i, i % 2 == 0 ? "c" + i : null)));
                        pause(); // distinct modified times, so that pages follow each other as in a real account
                    }
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> Db.count(w.url, "feedback_answers") == 10);
            List<String> stored = Db.rows(w.url, ANSWERS);
            for (int i = 0; i < 10; i++) {
                assertThat(stored).contains(answers.get(i) + " | NPS | " + i + ".0000 | " + (i % 2 == 0 ? "c" + i
                        : null));
            }
            assertThat(Db.longValue(w.url, "SELECT count(DISTINCT member_id) FROM feedback_answers")).isEqualTo(10);
            // The first read is 4 pages of at most 4 (each page starts at the last modified time seen, so it reads
            // that record again): one search and one associations call each. Later reads of an unchanged window are
            // one search and no associations call.
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.hs.calls().calls(LINKS) >= 4);
            long searches = w.hs.calls().calls(SEARCH);
            assertThat(searches).isGreaterThanOrEqualTo(4);
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.hs.calls().calls(SEARCH) >= searches + 3);
            assertThat(w.hs.calls().calls(LINKS)).isEqualTo(4);
            assertThat(Db.rows(w.url, ANSWERS)).isEqualTo(stored);
            w.hs.admin().update(ObjectType.FEEDBACK_SUBMISSIONS, answers.get(3), Map.of("hs_value", "10",
                    "hs_content", "Changed my mind"));
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> Db.rows(w.url, ANSWERS)
                    .contains(answers.get(3) + " | NPS | 10.0000 | Changed my mind"));
            assertThat(Db.count(w.url, "feedback_answers")).isEqualTo(10);
            // Each member rewarded once for answering, whatever the score, and not again for the re-read or change.
            long points = w.app.core().program().feedback().pointsPerAnswer();
            assertThat(Db.rows(w.url, "SELECT count(*), count(DISTINCT member_id), sum(points) FROM ledger_entries"
                    + " WHERE source_system = 'feedback'")).containsExactly("10 | 10 | " + 10 * points);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void an_app_without_the_feedback_scope_keeps_contacts_and_orders_going_and_status_says_why_answers_stopped()
            throws Exception {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.scopes("crm.objects.contacts.write",
                        "crm.objects.orders.read"),
                Map.of("loyalty.hubspot.feedback.enabled", "true", "loyalty.hubspot.feedback.poll-interval-ms", "200"),
                hs -> {
                    for (int i = 0; i < 3; i++) {
                        contacts.add(hs.admin().createContact("s" + i + "@example.com", "S" + i, "Scope"));
                        hs.admin().createFeedback(contacts.get(i), answer(9, null));
                    }
                    hs.admin().createOrder(contacts.get(0), FirstSyncTest.order("40", "processed"));
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> contacts.stream().allMatch(w::inSync)
                    && w.memberOf(contacts.get(0)).map(w::points).orElse(0L) > 0);
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);
            JsonNode stream = http.get("/api/sync/status").json().at("/systems/hubspot/streams").findParents("object")
                    .stream().filter(s -> s.get("object").asText().equals("feedback_submissions")).findFirst()
                    .orElseThrow();
            assertThat(stream.get("lastError").asText()).contains("403", "MISSING_SCOPES",
                    "crm.objects.feedback_submissions.read");
            assertThat(Db.count(w.url, "feedback_answers")).isZero();
            // Stopped, not retried every 200 ms: one refused search until the retry delay (an hour) is over.
            Thread.sleep(1_000);
            assertThat(w.hs.calls().calls(SEARCH)).isEqualTo(1);
            w.assertLedgerAndSpecs();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The flat test program with a feedback section: 15 points an answered survey (to see rewards in the ledger). */
    static String rewardingProgram() {
        try {
            java.nio.file.Path program = java.nio.file.Path.of("target", "hubspot-feedback-program.yaml");
            java.nio.file.Files.writeString(program, java.nio.file.Files.readString(
                    io.loyaltybridge.support.StoreFixture.FLAT_PROGRAM)
                    + "\nfeedback:\n  pointsPerAnswer: 15\n  maxRewardsPerYear: 3\n");
            return program.toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
