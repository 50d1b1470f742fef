package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.StoreFixture;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey answers posted through the API: stored once per idempotency key, refused with a clear 4xx when they do not
 * fit their survey type, rewarded for answering (once per survey, at most three a year, whatever the score), in the
 * member's export and anonymised by erasure, and summed up as NPS and CSAT.
 */
class FeedbackApiTest {
    private static final long POINTS = 30;
    private static String url;
    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path program = Path.of("target", "feedback-api-program.yaml");
        Files.writeString(program, Files.readString(StoreFixture.FLAT_PROGRAM)
                + "\nfeedback:\n  pointsPerAnswer: " + POINTS + "\n  maxRewardsPerYear: 3\n");
        url = TestPostgres.freshDatabase();
        app = TestApp.start(Map.of("loyalty.db.url", url, "loyalty.program.file", program.toAbsolutePath().toString()));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long member(String email) {
        Http.Response r = http.post("/api/members", "{\"email\":\"" + email + "\",\"firstName\":\"Fay\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/member/id").asLong(r.json().path("id").asLong());
    }

    private static Http.Response answer(long member, String survey, String type, String score, String at,
                                        String key) {
        return http.post("/api/members/" + member + "/feedback", """
                {"survey":"%s","surveyName":"Survey %s","type":"%s"%s,"comment":"my words about %s",
                 "submittedAt":"%s","idempotencyKey":"%s"}"""
                .formatted(survey, survey, type, score == null ? "" : ",\"score\":" + score, survey, at, key));
    }

    private static long feedbackPoints(long member) {
        return Db.longValue(url, "SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE source_system = 'feedback'"
                + " AND member_id = " + member);
    }

    @Test
    void an_answer_is_stored_once_per_idempotency_key_and_a_reused_key_for_another_answer_is_a_conflict() {
        long m = member("once@example.com");

        Http.Response first = answer(m, "nps-1", "NPS", "9", "2026-03-01T10:00:00Z", "k1");
        Http.Response again = answer(m, "nps-1", "NPS", "9", "2026-03-01T10:00:00Z", "k1");
        Http.Response other = answer(m, "nps-1", "NPS", "2", "2026-03-01T10:00:00Z", "k1");

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().at("/answer/score").asInt()).isEqualTo(9);
        assertThat(first.json().at("/answer/source").asText()).isEqualTo("api");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/replayed").asBoolean()).isTrue();
        assertThat(again.json().at("/answer/id").asLong()).isEqualTo(first.json().at("/answer/id").asLong());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(Db.longValue(url, "SELECT count(*) FROM feedback_answers WHERE member_id = " + m)).isEqualTo(1);
        assertThat(feedbackPoints(m)).isEqualTo(POINTS);
    }

    @Test
    void bad_answers_are_refused_with_the_offending_fields() {
        long m = member("bad@example.com");
        Map<String, Http.Response> refused = new HashMap<>();
        refused.put("type", answer(m, "s", "SMILEY", "3", "2026-03-01T10:00:00Z", "b1"));
        refused.put("score", answer(m, "s", "NPS", "11", "2026-03-01T10:00:00Z", "b2"));
        refused.put("score ", answer(m, "s", "CSAT", "0", "2026-03-01T10:00:00Z", "b3"));
        refused.put("score  ", answer(m, "s", "NPS", null, "2026-03-01T10:00:00Z", "b4"));
        refused.put("submittedAt", answer(m, "s", "CES", "3", "2099-03-01T10:00:00Z", "b5"));
        refused.put("survey", answer(m, "", "CES", "3", "2026-03-01T10:00:00Z", "b6"));

        refused.forEach((field, r) -> {
            assertThat(r.status()).as(field + ": " + r.text()).isEqualTo(400);
            assertThat(r.errorFields()).as(r.text()).contains(field.strip());
        });
        Http.Response unknownMember = answer(987654, "s", "NPS", "5", "2026-03-01T10:00:00Z", "b7");
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(Db.longValue(url, "SELECT count(*) FROM feedback_answers WHERE member_id = " + m)).isZero();
    }

    @Test
    void answering_is_rewarded_once_per_survey_and_at_most_three_times_a_year_whatever_the_score() {
        long m = member("cap@example.com");
        long low = member("low@example.com");
        long high = member("high@example.com");

        answer(m, "a", "NPS", "0", "2026-01-10T10:00:00Z", "c1");
        answer(m, "a", "NPS", "10", "2026-01-11T10:00:00Z", "c2"); // the same survey again: stored, not rewarded
        answer(m, "b", "CSAT", "1", "2026-02-10T10:00:00Z", "c3");
        answer(m, "c", "CES", "7", "2026-03-10T10:00:00Z", "c4");
        answer(m, "d", "CUSTOM", "42", "2026-04-10T10:00:00Z", "c5"); // the fourth survey of 2026: over the cap
        answer(m, "e", "NPS", "5", "2025-12-20T10:00:00Z", "c6"); // another year
        answer(low, "a", "NPS", "0", "2026-05-01T10:00:00Z", "l1");
        answer(high, "a", "NPS", "10", "2026-05-01T10:00:00Z", "h1");

        assertThat(Db.longValue(url, "SELECT count(*) FROM feedback_answers WHERE member_id = " + m)).isEqualTo(6);
        assertThat(Db.rows(url, "SELECT source_id, points, kind, reason FROM ledger_entries"
                + " WHERE source_system = 'feedback' AND member_id = " + m + " ORDER BY effective_at"))
                .containsExactly("e | 30 | bonus | Feedback answered: Survey e (e): +30",
                        "a | 30 | bonus | Feedback answered: Survey a (a): +30",
                        "b | 30 | bonus | Feedback answered: Survey b (b): +30",
                        "c | 30 | bonus | Feedback answered: Survey c (c): +30");
        assertThat(feedbackPoints(low)).isEqualTo(POINTS).isEqualTo(feedbackPoints(high));
        assertThat(Db.longValue(url, "SELECT count(DISTINCT operation_key) FROM ledger_entries"
                + " WHERE source_system = 'feedback'")).isEqualTo(Db.longValue(url,
                "SELECT count(*) FROM ledger_entries WHERE source_system = 'feedback'"));
        assertThat(app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void the_comment_is_in_the_export_and_erasure_removes_it_while_the_score_stays() {
        long m = member("private@example.com");
        answer(m, "p", "NPS", "4", "2026-03-01T10:00:00Z", "p1");

        JsonNode export = http.get("/api/members/" + m + "/export").json();
        assertThat(export.at("/feedback/0/comment").asText()).isEqualTo("my words about p");
        assertThat(export.at("/feedback/0/score").asInt()).isEqualTo(4);

        assertThat(http.send(http.builder("/api/members/" + m).DELETE().build()).status()).isEqualTo(200);

        assertThat(Db.rows(url, "SELECT score::int, comment IS NULL, external_id LIKE 'erased:%'"
                + " FROM feedback_answers WHERE member_id = " + m)).containsExactly("4 | t | t");
        assertThat(http.get("/api/members/" + m + "/export").text()).doesNotContain("my words about p");
        assertThat(answer(m, "q", "NPS", "4", "2026-03-02T10:00:00Z", "p2").status()).isEqualTo(404);
    }

    @Test
    void the_summary_matches_nps_and_csat_computed_here_from_the_stored_answers() {
        int[] nps = {0, 3, 6, 7, 8, 9, 10, 10, 9, 2};
        int[] csat = {1, 2, 3, 4, 5, 5, 4};
        for (int i = 0; i < nps.length; i++) {
            long m = member("nps" + i + "@example.com");
            answer(m, "sum-nps", "NPS", Integer.toString(nps[i]), "2026-0" + (1 + i % 3) + "-15T23:30:00Z", "n" + i);
            if (i < csat.length) {
                answer(m, "sum-csat", "CSAT", Integer.toString(csat[i]), "2026-06-30T22:30:00Z", "s" + i);
            }
        }

        JsonNode summary = http.get("/api/feedback/summary").json();

        // Every answer stored by every test of this class: the figures are recomputed here from those rows.
        List<String> rows = Db.rows(url, "SELECT survey_type, score::int, to_char(submitted_at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM') FROM feedback_answers WHERE score IS NOT NULL");
        assertThat(summary.at("/overall/responses").asLong())
                .isEqualTo(Db.longValue(url, "SELECT count(*) FROM feedback_answers"));
        assertFigures(summary.get("overall"), rows);
        for (JsonNode month : summary.get("months")) {
            assertFigures(month, rows.stream().filter(r -> r.endsWith(month.get("key").asText())).toList());
        }
        assertThat(summary.get("months").findValuesAsText("key")).contains("2026-01", "2026-02", "2026-03",
                "2026-06");
        assertThat(summary.get("tiers").findValuesAsText("key")).containsExactly("member");
        assertThat(summary.at("/tiers/0/responses").asLong()).isEqualTo(summary.at("/overall/responses").asLong());
        assertThat(summary.at("/rfmSegments/0/responses").asLong())
                .isEqualTo(summary.at("/overall/responses").asLong());
    }

    /** NPS and CSAT of the rows ("type | score | month"), by the definitions, compared with the API's figures. */
    private static void assertFigures(JsonNode figures, List<String> rows) {
        long promoters = 0;
        long detractors = 0;
        long npsCount = 0;
        long satisfied = 0;
        long csatCount = 0;
        for (String row : rows) {
            String[] cells = row.split(" \\| ");
            int score = Integer.parseInt(cells[1]);
            if (cells[0].equals("NPS")) {
                npsCount++;
                promoters += score >= 9 ? 1 : 0;
                detractors += score <= 6 ? 1 : 0;
            } else if (cells[0].equals("CSAT")) {
                csatCount++;
                satisfied += score >= 4 ? 1 : 0;
            }
        }
        assertThat(figures.get("npsResponses").asLong()).as(figures.toString()).isEqualTo(npsCount);
        assertThat(figures.get("csatResponses").asLong()).isEqualTo(csatCount);
        if (npsCount > 0) {
            assertThat(figures.get("nps").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100 * (promoters
                    - detractors)).divide(BigDecimal.valueOf(npsCount), 1, RoundingMode.HALF_UP));
        } else {
            assertThat(figures.get("nps").isNull()).isTrue();
        }
        if (csatCount > 0) {
            assertThat(figures.get("csat").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100 * satisfied)
                    .divide(BigDecimal.valueOf(csatCount), 1, RoundingMode.HALF_UP));
        }
    }
}
