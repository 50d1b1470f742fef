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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/kpis/program} and the CSV tables over HTTP on known data: a campaign doubling every order's points,
 * points expiring three months after they were earned, a reward redeemed and an order after it, a partial refund,
 * a cancelled order and a member without orders. Expected figures are worked out here from the orders placed and
 * the ledger entries the API lists, not from the queries under test.
 */
class ProgramFiguresApiTest {
    private static final Instant NOW = Instant.now();
    private static final String READ_TOKEN = "report-reader-0123456789";
    private static Application app;
    private static Http http;
    private static final List<Long> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        String program = Files.readString(StoreFixture.FLAT_PROGRAM)
                .replace("currency: EUR\n", "currency: EUR\npointValue: 0.01\nlocale: fr-FR\n")
                .replace("model: never", "model: fixed_months\n  months: 3")
                .replace("window: calendar_year", "window: rolling\n  rollingMonths: 12")
                .replace("      multiplier: 1\n", "      multiplier: 1\n    - name: gold\n      threshold: 150\n"
                        + "      multiplier: 1\n")
                .replace("  campaigns: []", "  campaigns:\n    - id: boost\n      name: Double points\n"
                        + "      from: 2000-01-01\n      to: 2099-12-31\n      multiplier: 2\n")
                .replace("rewards: []", "rewards:\n  - id: gift\n    name: Gift, wrapped\n    account: points\n"
                        + "    cost: 60\n    grants: A gift\n  - id: ten-off\n    name: Ten off\n"
                        + "    account: points\n    cost: 1000\n    grants: A code\n");
        Path file = Files.createDirectories(Path.of("target")).resolve("figures-program.yaml");
        Files.writeString(file, program);
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", file.toAbsolutePath().toString()),
                Map.of("LOYALTY_API_TOKENS", "reader:read:" + READ_TOKEN));
        http = new Http(app.baseUrl(), TestApp.TOKEN);

        long ann = order("ann", "A1", 70, "30", "completed", "0");
        order("ann", "A2", 40, "50", "completed", "0");
        order("ann", "A3", 10, "100", "completed", "0");
        order("ann", "A3", 10, "100", "partially_refunded", "40");
        long bob = order("bob", "B1", 200, "80", "completed", "0");
        order("bob", "B2", 5, "20", "completed", "0");
        long cleo = order("cleo", "C1", 20, "60", "cancelled", "0");
        long dan = http.post("/api/members", "{\"email\":\"dan@example.com\"}").json().get("id").asLong();
        MEMBERS.addAll(List.of(ann, bob, cleo, dan));
        app.core().jobs().expiry();
        post("/api/members/" + ann + "/rewards/gift/redeem", "{\"idempotencyKey\":\"g1\"}");
        order("ann", "A4", 0, "10", "completed", "0");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long order(String who, String id, int daysAgo, String total, String status, String refunded) {
        Instant placed = daysAgo == 0 ? Instant.now() : NOW.minus(Duration.ofDays(daysAgo));
        JsonNode r = post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s@example.com"},"total":"%s","currency":"EUR",
                 "placedAt":"%s","status":"%s","refundedAmount":"%s",
                 "lines":[{"sku":"S","category":"c","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(id, who, total, placed, status, refunded, total));
        return r.at("/order/memberId").asLong();
    }

    private static JsonNode post(String path, String body) {
        Http.Response r = http.post(path, body);
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.json();
    }

    private static JsonNode report() {
        Http.Response r = http.get("/api/kpis/program");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** Every points-account entry of the member, oldest first, as the ledger API lists them. */
    private static List<JsonNode> ledger(long member) {
        List<JsonNode> entries = new ArrayList<>();
        http.get("/api/members/" + member + "/ledger").json().get("entries").forEach(e -> {
            if (e.get("account").asText().equals("points")) {
                entries.add(0, e);
            }
        });
        return entries;
    }

    /**
     * What is left of each lot, worked out from the entries: an order's entries are its lot, a refund's take-back
     * comes off its own lot, and every other debit (the redemption, the expiry) takes the oldest lot first.
     */
    private static Map<YearMonth, Long> expiringByMonth() {
        Map<YearMonth, Long> months = new HashMap<>();
        for (long member : MEMBERS) {
            Map<String, long[]> lots = new java.util.LinkedHashMap<>();
            Map<String, LocalDate> earned = new HashMap<>();
            long debits = 0;
            for (JsonNode e : ledger(member)) {
                long points = e.get("points").asLong();
                String order = e.at("/source/system").asText() + ":" + e.at("/source/id").asText();
                if (points > 0 || e.get("kind").asText().equals("reverse")) {
                    lots.computeIfAbsent(order, o -> new long[1])[0] += points;
                    earned.putIfAbsent(order, LocalDate.ofInstant(Instant.parse(e.get("effectiveAt").asText()),
                            ZoneOffset.UTC));
                } else {
                    debits -= points;
                }
            }
            List<String> oldestFirst = new ArrayList<>(lots.keySet());
            oldestFirst.sort(java.util.Comparator.comparing(earned::get));
            for (String key : oldestFirst) {
                Map.Entry<String, long[]> lot = Map.entry(key, lots.get(key));
                long taken = Math.min(debits, lot.getValue()[0]);
                debits -= taken;
                long left = lot.getValue()[0] - taken;
                if (left > 0) {
                    months.merge(YearMonth.from(earned.get(lot.getKey()).plusMonths(3)), left, Long::sum);
                }
            }
        }
        return months;
    }

    @Test
    void the_liability_is_the_points_held_in_points_and_in_money_at_the_declared_point_value() {
        JsonNode report = report();
        long held = MEMBERS.stream().mapToLong(m -> http.get("/api/members/" + m).json().get("balance").asLong())
                .sum();
        assertThat(held).as("Ann 240 after the refund, the redemption and A4; Bob's B2 40").isEqualTo(280);
        assertThat(report.at("/liability/points").asLong()).isEqualTo(held);
        assertThat(report.at("/liability/pointsMoney").decimalValue()).isEqualByComparingTo("2.80");
        assertThat(report.at("/liability/money").decimalValue()).as("no cashback").isEqualByComparingTo("2.80");
        assertThat(report.get("pointValue").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(report.get("locale").asText()).isEqualTo("fr-FR");
        assertThat(report.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void the_expiry_forecast_gives_the_points_left_in_lots_per_month_they_expire_over_the_next_twelve() {
        JsonNode forecast = report().get("expiryForecast");
        assertThat(forecast).hasSize(12);
        YearMonth first = YearMonth.now(ZoneOffset.UTC);
        Map<YearMonth, Long> expected = expiringByMonth();
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).as("all held points expire within 3"
                + " months").isEqualTo(280);
        for (int i = 0; i < 12; i++) {
            YearMonth month = first.plusMonths(i);
            assertThat(forecast.get(i).get("month").asText()).isEqualTo(month.toString());
            assertThat(forecast.get(i).get("points").asLong()).as(month.toString())
                    .isEqualTo(expected.getOrDefault(month, 0L));
            assertThat(forecast.get(i).get("money").decimalValue()).isEqualByComparingTo(
                    java.math.BigDecimal.valueOf(expected.getOrDefault(month, 0L), 2));
        }
    }

    @Test
    void each_campaign_counts_the_members_and_orders_it_gave_points_to_with_their_revenue_cost_and_return() {
        JsonNode boost = report().at("/campaigns/0");
        assertThat(boost.get("campaign").asText()).isEqualTo("boost");
        assertThat(boost.get("name").asText()).isEqualTo("Double points");
        assertThat(boost.get("members").asLong()).as("Ann and Bob; Cleo's order was cancelled").isEqualTo(2);
        assertThat(boost.get("orders").asLong()).isEqualTo(6);
        assertThat(boost.get("revenue").decimalValue()).as("30 + 50 + 60 kept of A3 + 10 + 80 + 20")
                .isEqualByComparingTo("250");
        assertThat(boost.get("points").asLong()).as("one more point per euro kept").isEqualTo(250);
        assertThat(boost.get("cost").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(boost.get("return").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void each_reward_counts_its_redemptions_and_the_orders_placed_within_thirty_days_after_one() {
        JsonNode rewards = report().get("rewards");
        assertThat(rewards).hasSize(2);
        JsonNode gift = rewards.get(0);
        assertThat(gift.get("reward").asText()).isEqualTo("gift");
        assertThat(gift.get("members").asLong()).isEqualTo(1);
        assertThat(gift.get("redemptions").asLong()).isEqualTo(1);
        assertThat(gift.get("points").asLong()).isEqualTo(60);
        assertThat(gift.get("orders").asLong()).as("A4 only: Ann's earlier orders came before").isEqualTo(1);
        assertThat(gift.get("revenue").decimalValue()).isEqualByComparingTo("10");
        assertThat(gift.get("cost").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(gift.get("return").decimalValue()).isEqualByComparingTo("16.67");
        JsonNode tenOff = rewards.get(1);
        assertThat(tenOff.get("redemptions").asLong()).as("declared, never redeemed").isZero();
        assertThat(tenOff.get("return").isNull()).as("nothing spent, no return").isTrue();
    }

    @Test
    void participation_and_tier_moves_count_members_earning_in_ninety_days_and_moves_per_month() {
        JsonNode report = report();
        assertThat(report.at("/participation/participating").asLong()).as("Ann and Bob earned; Cleo and Dan not")
                .isEqualTo(2);
        assertThat(report.at("/participation/members").asLong()).isEqualTo(4);
        assertThat(report.at("/participation/rate").decimalValue()).isEqualByComparingTo("0.5");
        long gold = MEMBERS.stream().filter(m -> http.get("/api/members/" + m).json().at("/tier/name").asText()
                .equals("gold")).count();
        JsonNode moves = report.get("tierMoves");
        assertThat(moves).hasSize(12);
        assertThat(moves.get(11).get("month").asText()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(moves.get(11).get("up").asLong()).as("each gold member moved up once, recorded now")
                .isEqualTo(gold).isEqualTo(2);
        assertThat(moves.get(11).get("down").asLong()).isZero();
    }

    @Test
    void every_table_downloads_as_csv_with_a_read_token_and_an_unknown_one_is_404() {
        Http reader = new Http(app.baseUrl(), READ_TOKEN);
        for (String table : ReportTables.NAMES) {
            Http.Response r = reader.get("/api/kpis/csv/" + table + ".csv");
            assertThat(r.status()).as(table + ": " + r.text()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(r.text().lines().count()).as(table).isGreaterThan(1);
        }
        assertThat(reader.get("/api/kpis/csv/rewards").text().lines().toList()).containsExactly(
                "reward,name,account,members,redemptions,orders,revenue,points,cashback,cost,return",
                "gift,\"Gift, wrapped\",points,1,1,1,10.00,60,0.00,0.60,16.67",
                "ten-off,Ten off,points,0,0,0,0.00,0,0.00,0.00,");
        assertThat(reader.get("/api/kpis/csv/campaigns").text()).contains("boost,Double points,2,6,250.00,250,2.50,100.00");
        assertThat(reader.get("/api/kpis/csv/nothing").status()).isEqualTo(404);
    }
}
