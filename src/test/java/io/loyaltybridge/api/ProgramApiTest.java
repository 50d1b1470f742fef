package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program as the API shows it: the active rules, the rewards catalogue, and the leaderboard. The leaderboard is
 * seeded here and nowhere else in this database, so its exact content can be asserted.
 */
class ProgramApiTest {
    private static RichFixture fx;
    private static long ann;
    private static long bob;
    private static long cid;
    private static long dee;

    @BeforeAll
    static void start() {
        fx = new RichFixture();
        // Partner points: exact (no tier or campaign multipliers), so the totals below are plain arithmetic.
        ann = earn("ann@example.com", "Ann", "600");   // 300
        bob = earn("bob@example.com", "Bob", "480");   // 240, +60 from three reviews below: 300, tied with Ann
        cid = earn("cid@example.com", "Cid", "800");   // 400, then spends 300: spending does not lower earnings
        dee = earn("dee@example.com", "Dee", "100");   // 50
        for (String review : new String[]{"b-1", "b-2", "b-3"}) {
            fx.http.post("/api/events", "{\"member\":{\"id\":" + bob + "},\"event\":\"review\",\"eventId\":\""
                    + review + "\"}");
        }
        fx.http.post("/api/members/" + bob + "/adjustments",
                "{\"points\":-10,\"reason\":\"typo\",\"idempotencyKey\":\"adj-b\"}");
        fx.http.post("/api/members/" + cid + "/rewards/free-shipping/redeem", "{\"idempotencyKey\":\"c-1\"}");
    }

    private static long earn(String email, String firstName, String amount) {
        Http.Response r = fx.http.post("/api/partners/skyair/transactions", """
                {"member":{"email":"%s","firstName":"%s"},"transactionId":"tx-%s","amount":"%s",
                 "occurredAt":"%s"}""".formatted(email, firstName, firstName, amount, RichFixture.anHourAgo()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("memberId").asLong();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void the_program_shows_its_name_version_zone_currency_and_every_section() {
        JsonNode p = fx.http.get("/api/program").json();
        assertThat(p.get("name").asText()).isEqualTo("Acme Rewards");
        assertThat(p.get("version").asText()).isEqualTo(fx.app.core().program().version());
        assertThat(p.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(p.get("currency").asText()).isEqualTo("EUR");
        assertThat(p.get("currencies").isEmpty()).as("no other currency declared: only EUR counts").isTrue();
        assertThat(p.at("/earning/summary").asText()).contains("1 points per EUR", "available at once");
        assertThat(p.at("/earning/categoryMultipliers/accessories").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(p.at("/earning/campaigns")).extracting(c -> c.get("id").asText())
                .containsExactly("spring-double", "win-back");
        assertThat(p.at("/tiers/levels")).extracting(l -> l.get("name").asText() + ">=" + l.get("threshold")
                + " x" + l.get("multiplier")).containsExactly("bronze>=0 x1", "silver>=500 x1.25", "gold>=2000 x1.5",
                "vip>=10000 x2");
        assertThat(p.at("/tiers/vip/mode").asText()).isEqualTo("floor");
        assertThat(p.at("/cashback/minimumRedeemMinor").asLong()).isEqualTo(500);
        assertThat(p.at("/rewards")).hasSize(2);
        assertThat(p.at("/partners/0/pointsPerUnit").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(p.at("/badges")).extracting(b -> b.get("condition").asText())
                .contains("the first order", "10 orders");
        assertThat(p.at("/events")).extracting(e -> e.get("name").asText())
                .containsExactly("signup", "birthday", "review");
        assertThat(p.at("/expiry/summary").asText()).isEqualTo("points expire 24 months after they were earned");
        assertThat(p.at("/leaderboard/period").asText()).isEqualTo("month");
        assertThat(p.at("/segments/custom/1/all")).extracting(JsonNode::asText)
                .containsExactly("spend ge 1000", "daysSinceLastOrder gt 60");
        assertThat(p.at("/offers/0/reward").asText()).isEqualTo("ten-off");
        assertThat(p.at("/referral/referrerBonus").asLong()).isEqualTo(500);
        assertThat(p.at("/jobs/pendingRelease").asText()).isEqualTo("0 0 * * * ?");
    }

    @Test
    void the_rewards_catalogue_lists_each_reward_with_its_cost_account_and_tiers() {
        JsonNode rewards = fx.http.get("/api/rewards").json().get("rewards");
        assertThat(rewards).hasSize(2);
        assertThat(rewards.get(0).get("id").asText()).isEqualTo("free-shipping");
        assertThat(rewards.get(0).get("cost").asLong()).isEqualTo(300);
        assertThat(rewards.get(0).get("account").asText()).isEqualTo("points");
        assertThat(rewards.get(0).get("tiers")).isEmpty();
        assertThat(rewards.get(1).get("grants").asText()).isEqualTo("A 10 EUR discount code");
        assertThat(rewards.get(1).get("tiers")).extracting(JsonNode::asText).containsExactly("gold", "vip");
    }

    @Test
    void the_leaderboard_ranks_points_earned_this_month_with_ties_sharing_a_position() {
        JsonNode board = fx.http.get("/api/leaderboard").json();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(board.at("/period/from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(board.at("/period/to").asText())
                .isEqualTo(today.with(TemporalAdjusters.lastDayOfMonth()).toString());
        assertThat(board.get("ranks")).extracting(r -> r.get("position").asInt() + " " + r.get("firstName").asText()
                + " " + r.get("points").asLong())
                .as("reviews count, a negative adjustment and spending do not")
                .containsExactly("1 Cid 400", "2 Ann 300", "2 Bob 300", "4 Dee 50");
    }

    @Test
    void the_leaderboard_shows_members_by_id_and_first_name_only() {
        JsonNode first = fx.http.get("/api/leaderboard?period=current").json().at("/ranks/0");
        assertThat(first.get("memberId").asLong()).isEqualTo(cid);
        assertThat(first.fieldNames()).toIterable().containsExactly("position", "memberId", "firstName", "points");
    }

    @Test
    void the_previous_period_or_any_day_selects_that_period() {
        JsonNode previous = fx.http.get("/api/leaderboard?period=previous").json();
        LocalDate lastMonth = LocalDate.now(ZoneId.of("Europe/Paris")).withDayOfMonth(1).minusMonths(1);
        assertThat(previous.at("/period/from").asText()).isEqualTo(lastMonth.toString());
        assertThat(previous.get("ranks")).isEmpty();
        JsonNode may = fx.http.get("/api/leaderboard?period=2026-05-17").json();
        assertThat(may.at("/period/from").asText()).isEqualTo("2026-05-01");
        assertThat(may.at("/period/to").asText()).isEqualTo("2026-05-31");
    }

    @Test
    void a_bad_period_is_400_naming_period() {
        Http.Response r = fx.http.get("/api/leaderboard?period=last-week");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("period");
    }
}
