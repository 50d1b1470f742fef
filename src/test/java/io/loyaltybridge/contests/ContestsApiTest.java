package io.loyaltybridge.contests;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contests API over HTTP: the list and states, paged standings, a member's own rank, 404s and roles. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContestsApiTest {
    private static final String CONTESTS = """
            contests:
              - {name: may-spend, description: May spend, start: 2026-05-01, end: 2026-05-31, measure: spend,
                 prizes: [{rank: 1, points: 100}]}
              - {name: june-orders, start: 2026-06-01, end: 2026-06-30, measure: orders, prizes: [{rank: 1, points: 1}]}
              - {name: july-points, start: 2026-07-01, end: 2026-07-31, measure: points, prizes: [{rank: 1, points: 1}]}
            """;
    private static Path programFile;
    private static Application app;
    private static Http admin;
    private static Http reader;
    private static Http shop;
    /** Spend per buyer in May, as the test's own orders add up. */
    private static final Map<Long, BigDecimal> spent = new HashMap<>();
    private static final List<Long> buyers = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        programFile = Files.createTempFile("contests-api", ".yaml");
        Files.writeString(programFile, ContestWorld.programText(CONTESTS));
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(), "loyalty.program.file",
                programFile.toString()), Map.of("LOYALTY_API_TOKENS", "the-reader:read:reader-token-0123456789abcdef,"
                + "the-shop:ingest:shop-token-0123456789abcdef"),
                Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC));
        admin = new Http(app.baseUrl(), TestApp.TOKEN);
        reader = new Http(app.baseUrl(), "reader-token-0123456789abcdef");
        shop = new Http(app.baseUrl(), "shop-token-0123456789abcdef");
        for (int i = 0; i < 7; i++) {
            BigDecimal total = BigDecimal.valueOf(100 + 37L * i);
            long member = order("b" + i, "M-" + i, total, "2026-05-0" + (i + 1) + "T10:00:00Z");
            buyers.add(member);
            spent.put(member, total);
        }
        order("b0", "J-0", BigDecimal.TEN, "2026-06-02T10:00:00Z");
    }

    private static long order(String who, String id, BigDecimal total, String at) {
        Http.Response r = shop.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s@example.com","firstName":"%s"},
                 "total":%s,"currency":"EUR","placedAt":"%s","status":"completed",
                 "lines":[{"sku":"SKU-1","category":"shoes","quantity":1,"unitPrice":%s}]}"""
                .formatted(id, who, who, total, at, total));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/order/memberId").asLong();
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
        Files.deleteIfExists(programFile);
    }

    @Test
    void the_list_shows_each_contest_with_its_state_and_rules() {
        Http.Response r = reader.get("/api/contests");
        assertThat(r.status()).isEqualTo(200);
        List<String> states = new ArrayList<>();
        r.json().get("contests").forEach(c -> states.add(c.get("name").asText() + " " + c.get("status").asText()
                + " " + c.get("measure").asText()));
        assertThat(states).containsExactly("may-spend ended spend", "june-orders running orders",
                "july-points upcoming points");
        assertThat(r.json().at("/contests/0/prizes/0/points").asLong()).isEqualTo(100);
        assertThat(r.json().at("/contests/0/end").asText()).isEqualTo("2026-06-01T00:00:00Z");
    }

    @Test
    void standings_come_a_page_at_a_time_highest_spend_first_with_the_next_page_linked() {
        List<Long> expected = new ArrayList<>(buyers);
        expected.sort((a, b) -> spent.get(b).compareTo(spent.get(a)));
        List<String> seen = new ArrayList<>();
        String next = "/api/contests/may-spend?limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = reader.get(next).json();
            assertThat(page.get("participants").asLong()).isEqualTo(7);
            page.get("ranks").forEach(r -> seen.add(r.get("rank").asInt() + " " + r.get("memberId").asLong() + " "
                    + new BigDecimal(r.get("value").asText()).stripTrailingZeros().toPlainString()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            wanted.add((i + 1) + " " + expected.get(i) + " " + spent.get(expected.get(i)).toPlainString());
        }
        assertThat(seen).containsExactlyElementsOf(wanted);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_member_sees_their_own_rank_in_a_contest_and_in_every_contest_that_started() {
        long first = buyers.get(0);
        JsonNode board = reader.get("/api/contests/may-spend?limit=1&member=" + first).json();
        assertThat(board.at("/member/rank").asInt()).as("the smallest spender").isEqualTo(7);
        assertThat(board.at("/ranks/0/prize/points").asLong()).isEqualTo(100);
        JsonNode mine = reader.get("/api/members/" + first + "/contests").json().get("contests");
        assertThat(mine).hasSize(2);
        assertThat(mine.at("/0/standing/rank").asInt()).isEqualTo(7);
        assertThat(mine.at("/1/name").asText()).isEqualTo("june-orders");
        assertThat(mine.at("/1/standing/value").asInt()).isEqualTo(1);
        assertThat(mine.at("/1/participants").asLong()).isEqualTo(1);
        JsonNode other = reader.get("/api/members/" + buyers.get(1) + "/contests").json().get("contests");
        assertThat(other.at("/1/standing").isNull()).as("no order in June: not ranked").isTrue();
    }

    @Test
    void an_unknown_contest_or_member_is_404_and_a_bad_page_is_400() {
        assertThat(reader.get("/api/contests/no-such").status()).isEqualTo(404);
        assertThat(reader.get("/api/contests/no-such").json().get("detail").asText()).contains("may-spend");
        assertThat(reader.get("/api/members/987654321/contests").status()).isEqualTo(404);
        assertThat(reader.get("/api/contests/may-spend?member=987654321").status()).isEqualTo(404);
        assertThat(reader.get("/api/contests/may-spend?limit=0").status()).isEqualTo(400);
        assertThat(reader.get("/api/contests/may-spend?after=-1").status()).isEqualTo(400);
    }

    @Test
    void the_shop_token_may_not_read_contests_and_no_token_is_401() {
        assertThat(shop.get("/api/contests").status()).isEqualTo(403);
        assertThat(shop.get("/api/contests/may-spend").status()).isEqualTo(403);
        assertThat(shop.get("/api/members/" + buyers.get(0) + "/contests").status()).isEqualTo(403);
        assertThat(new Http(app.baseUrl(), "nope-token-0123456789abcdef").get("/api/contests").status())
                .isEqualTo(401);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it closes the contest the other tests see ended
    void after_the_close_job_a_contest_is_closed_and_lists_the_prizes_granted() {
        Http.Response run = admin.post("/api/jobs/contest-close/runs", "{}");
        assertThat(run.status()).as(run.text()).isIn(200, 201, 202);
        long winner = buyers.get(buyers.size() - 1);
        for (int i = 0; i < 100 && !reader.get("/api/contests/may-spend").json().get("status").asText()
                .equals("closed"); i++) {
            sleep();
        }
        JsonNode board = reader.get("/api/contests/may-spend").json();
        assertThat(board.get("status").asText()).isEqualTo("closed");
        assertThat(board.at("/granted/0/memberId").asLong()).isEqualTo(winner);
        assertThat(board.at("/granted/0/points").asLong()).isEqualTo(100);
        JsonNode mine = reader.get("/api/members/" + winner + "/contests").json().get("contests");
        assertThat(mine.at("/0/won/rank").asInt()).isEqualTo(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
