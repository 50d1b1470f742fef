package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.StoreFixture;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/kpis} over HTTP on known data: four members, orders spread over the last 200 days, a redemption,
 * adjustments, and points expiring three months after they were earned. Orders are dated relative to now because
 * the KPIs are (last 12 months, last 90 days).
 */
class KpisApiTest {
    private static final Instant NOW = Instant.now();
    private static final Map<YearMonth, Long> ISSUED = new HashMap<>();
    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        // The flat test program with two tiers, a custom segment and points that expire after three months.
        String flat = Files.readString(StoreFixture.FLAT_PROGRAM);
        String program = flat.replace("model: never", "model: fixed_months\n  months: 3")
                .replace("window: calendar_year", "window: rolling\n  rollingMonths: 12")
                .replace("      multiplier: 1\n", "      multiplier: 1\n    - name: gold\n      threshold: 150\n"
                        + "      multiplier: 1\n")
                .replace("  custom: []", "  custom:\n    - name: big-spenders\n      all:\n"
                        + "        - {field: spend, op: ge, value: 150}");
        Path file = Files.createDirectories(Path.of("target")).resolve("kpi-program.yaml");
        Files.writeString(file, program);
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", file.toAbsolutePath().toString()));
        http = new Http(app.baseUrl(), TestApp.TOKEN);

        order("ann@example.com", "A1", 200, "100", "completed");
        order("ann@example.com", "A2", 120, "50", "completed");
        order("ann@example.com", "A3", 10, "30", "completed");
        long bob = order("bob@example.com", "B1", 60, "200", "completed");
        order("cleo@example.com", "C1", 150, "80", "completed");
        order("cleo@example.com", "C2", 140, "20", "cancelled");
        long dan = http.post("/api/members", "{\"email\":\"dan@example.com\"}").json().get("id").asLong();
        post("/api/members/" + bob + "/redemptions", "{\"points\":40,\"reason\":\"gift\",\"idempotencyKey\":\"r1\"}");
        post("/api/members/" + dan + "/adjustments", "{\"points\":25,\"reason\":\"welcome\",\"idempotencyKey\":\"a1\"}");
        post("/api/members/" + dan + "/adjustments", "{\"points\":-5,\"reason\":\"fix\",\"idempotencyKey\":\"a2\"}");
        ISSUED.merge(YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC)), 25L, Long::sum);
        app.core().jobs().expiry();
        app.core().jobs().segmentsAndCltv();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long order(String email, String id, int daysAgo, String total, String status) {
        Instant placed = NOW.minus(Duration.ofDays(daysAgo));
        JsonNode r = post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s"},"total":"%s","currency":"EUR",
                 "placedAt":"%s","status":"%s","lines":[{"sku":"S","category":"c","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(id, email, total, placed, status, total));
        if (status.equals("completed")) {
            ISSUED.merge(YearMonth.from(placed.atOffset(ZoneOffset.UTC)), Long.parseLong(total), Long::sum);
        }
        return r.at("/order/memberId").asLong();
    }

    private static JsonNode post(String path, String body) {
        Http.Response r = http.post(path, body);
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.json();
    }

    private static JsonNode kpis() {
        Http.Response r = http.get("/api/kpis");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    @Test
    void points_issued_redeemed_and_expired_are_counted_per_month_over_the_last_twelve() {
        JsonNode points = kpis().get("points");
        assertThat(points.get("months")).hasSize(12);
        assertThat(points.at("/months/11/month").asText())
                .isEqualTo(YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC)).toString());
        assertThat(points.get("issued").asLong()).as("orders kept plus the positive adjustment").isEqualTo(485);
        assertThat(points.get("redeemed").asLong()).isEqualTo(40);
        assertThat(points.get("expired").asLong()).as("Ann's 150 and Cleo's 80, older than three months")
                .isEqualTo(230);
        Map<YearMonth, Long> issuedByMonth = new HashMap<>();
        points.get("months").forEach(m -> issuedByMonth.put(YearMonth.parse(m.get("month").asText()),
                m.get("issued").asLong()));
        ISSUED.forEach((month, issued) -> assertThat(issuedByMonth.get(month)).as(month.toString()).isEqualTo(issued));
        assertThat(points.at("/months/11/expired").asLong()).as("the expiry job ran this month").isEqualTo(230);
    }

    @Test
    void the_rates_are_given_with_their_numerator_and_denominator() {
        JsonNode k = kpis();
        assertThat(k.at("/redemptionRate/value").decimalValue()).isEqualByComparingTo("0.0825");
        assertThat(k.at("/redemptionRate/denominator").asLong()).isEqualTo(485);
        assertThat(k.at("/repeatPurchaseRate/numerator").asLong()).as("Ann alone ordered twice").isEqualTo(1);
        assertThat(k.at("/repeatPurchaseRate/denominator").asLong()).as("Cleo's cancelled order counts not")
                .isEqualTo(3);
        assertThat(k.at("/retentionRate/numerator").asLong()).as("Ann ordered in both windows").isEqualTo(1);
        assertThat(k.at("/retentionRate/denominator").asLong()).as("Ann and Cleo ordered 90-180 days ago")
                .isEqualTo(2);
        assertThat(k.at("/retentionRate/value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(k.get("activeMembers").asLong()).as("Ann and Bob ordered in the last 90 days").isEqualTo(2);
        assertThat(k.get("members").asLong()).isEqualTo(4);
    }

    @Test
    void the_liability_sums_balances_pending_points_and_cashback() {
        JsonNode liability = kpis().get("liability");
        assertThat(liability.get("points").asLong()).as("Ann 30 + Bob 160 + Cleo 0 + Dan 20").isEqualTo(210);
        assertThat(liability.get("pendingPoints").asLong()).isZero();
        assertThat(liability.get("cashback").asText()).isEqualTo("0.00");
        assertThat(liability.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void members_are_counted_by_tier_and_segment_with_empty_ones_listed() {
        JsonNode k = kpis();
        Map<String, Long> tiers = new HashMap<>();
        k.get("membersByTier").forEach(t -> tiers.put(t.get("tier").asText(), t.get("members").asLong()));
        assertThat(tiers).containsExactlyInAnyOrderEntriesOf(Map.of("member", 2L, "gold", 2L));
        assertThat(k.at("/membersByTier/0/tier").asText()).as("lowest tier first").isEqualTo("member");
        Map<String, Long> rfm = new HashMap<>();
        Map<String, Long> custom = new HashMap<>();
        k.get("segments").forEach(s -> (s.get("kind").asText().equals("rfm") ? rfm : custom)
                .put(s.get("segment").asText(), s.get("members").asLong()));
        assertThat(rfm).hasSize(8);
        assertThat(rfm.values().stream().mapToLong(Long::longValue).sum()).as("the three buyers").isEqualTo(3);
        assertThat(custom).containsExactlyEntriesOf(Map.of("big-spenders", 2L));
    }

    @Test
    void the_kpis_need_the_token() {
        Http.Response r = new Http(app.baseUrl(), null).get("/api/kpis");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
