package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/members/{id}/orders} and {@code /history}: the member page's data, against what the database
 * holds for the member.
 */
class MemberHistoryApiTest {
    private static final Instant NOW = Instant.now();
    private static String databaseUrl;
    private static Application app;
    private static Http http;
    private static long ann;

    @BeforeAll
    static void start() {
        databaseUrl = TestPostgres.freshDatabase();
        app = TestApp.start(Map.of("loyalty.db.url", databaseUrl,
                "loyalty.program.file", Path.of("config/program.yaml").toAbsolutePath().toString()));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        order("H-1", 60, "200.00", "completed", "");
        order("H-2", 30, "80.00", "partially_refunded", ",\"refundedAmount\":\"30.00\"");
        order("H-3", 2, "50.00", "completed", "");
        app.core().jobs().pendingRelease();
        ann = http.get("/api/members?email=ann@example.com").json().get("id").asLong();
        assertThat(http.post("/api/members/" + ann + "/adjustments",
                "{\"points\":25,\"reason\":\"goodwill\",\"idempotencyKey\":\"h-adj\"}").status()).isEqualTo(201);
        Http.Response granted = http.send(http.builder("/api/members/" + ann + "/tier-grant")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"tier\":\"gold\",\"reason\":\"key account\"}")).build());
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        app.core().jobs().tierAssessment();
    }

    private static void order(String id, int daysAgo, String total, String status, String extra) {
        Http.Response r = http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"ann@example.com","firstName":"Ann"},
                 "total":"%s","currency":"EUR","placedAt":"%s","status":"%s"%s,
                 "lines":[{"sku":"S-%s","category":"shoes","quantity":2,"unitPrice":"%s"}]}"""
                .formatted(id, total, NOW.minus(Duration.ofDays(daysAgo)), status, extra, id,
                        new BigDecimal(total).divide(BigDecimal.valueOf(2))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void orders_come_newest_first_with_their_lines_status_and_refund_a_page_at_a_time() {
        JsonNode first = http.get("/api/members/" + ann + "/orders?limit=2").json();
        assertThat(first.get("orders")).hasSize(2);
        assertThat(first.get("orders").get(0).get("externalId").asText()).isEqualTo("H-3");
        JsonNode refunded = first.get("orders").get(1);
        assertThat(refunded.get("status").asText()).isEqualTo("partially_refunded");
        assertThat(refunded.get("refundedAmount").decimalValue()).isEqualByComparingTo("30");
        assertThat(refunded.get("lines").get(0).get("sku").asText()).isEqualTo("S-H-2");
        JsonNode rest = http.get(first.get("next").asText()).json();
        assertThat(rest.get("orders")).hasSize(1);
        assertThat(rest.get("orders").get(0).get("externalId").asText()).isEqualTo("H-1");
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void points_over_time_end_at_the_stored_balances() {
        JsonNode points = http.get("/api/members/" + ann + "/history").json().get("points");
        JsonNode last = points.get(points.size() - 1);
        assertThat(last.get("available").asLong()).isEqualTo(Db.longValue(databaseUrl,
                "SELECT available FROM member_balances WHERE account = 'points' AND member_id = " + ann));
        assertThat(last.get("pending").asLong()).isEqualTo(Db.longValue(databaseUrl,
                "SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE account = 'pending' AND member_id = " + ann));
        assertThat(points.size()).isEqualTo((int) Db.longValue(databaseUrl, "SELECT count(DISTINCT (effective_at"
                + " AT TIME ZONE 'Europe/Paris')::date) FROM ledger_entries WHERE member_id = " + ann));
    }

    @Test
    void the_history_holds_the_tier_grant_tier_changes_and_consent() {
        JsonNode history = http.get("/api/members/" + ann + "/history").json();
        JsonNode grant = history.get("tierGrants").get(0);
        assertThat(grant.get("tier").asText()).isEqualTo("gold");
        assertThat(grant.get("grantedBy").asText()).isNotBlank();
        assertThat(grant.get("endedAt").isNull()).isTrue();
        assertThat(history.get("tierChanges").toString()).contains("gold");
        assertThat(history.get("consent")).isNotEmpty();
        assertThat(history.get("referredBy").isNull()).isTrue();
        assertThat(history.has("deliveries") && history.has("badges") && history.has("referred")).isTrue();
    }

    @Test
    void a_referral_shows_on_both_members_histories() {
        String code = http.get("/api/members/" + ann).json().get("referralCode").asText();
        Http.Response joined = http.post("/api/members",
                "{\"email\":\"ben@example.com\",\"referralCode\":\"" + code + "\"}");
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
        long ben = joined.json().get("id").asLong();
        JsonNode referredBy = http.get("/api/members/" + ben + "/history").json().get("referredBy");
        assertThat(referredBy.get("memberId").asLong()).isEqualTo(ann);
        assertThat(referredBy.get("completedAt").isNull()).as("no qualifying order yet").isTrue();
        JsonNode referred = http.get("/api/members/" + ann + "/history").json().get("referred");
        assertThat(referred).anySatisfy(r -> assertThat(r.get("memberId").asLong()).isEqualTo(ben));
    }

    @Test
    void bad_paging_is_a_400_and_an_unknown_member_a_404() {
        assertThat(http.get("/api/members/" + ann + "/orders?limit=0").errorFields()).containsExactly("limit");
        assertThat(http.get("/api/members/" + ann + "/orders?before=x").errorFields()).containsExactly("before");
        assertThat(http.get("/api/members/" + ann + "/history?limit=201").errorFields()).containsExactly("limit");
        assertThat(http.get("/api/members/999999/orders").status()).isEqualTo(404);
        assertThat(http.get("/api/members/999999/history").status()).isEqualTo(404);
    }
}
