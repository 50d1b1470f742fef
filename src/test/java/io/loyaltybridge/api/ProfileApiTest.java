package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The grown profile, the explanation and referral sign-up over HTTP, on the shipped program. */
class ProfileApiTest {
    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", Path.of("config/program.yaml").toAbsolutePath().toString()));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An order placed just now, so its points are pending through the return window as in real life. */
    private static JsonNode order(String email, String id, String total) {
        Http.Response r = http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s"},"total":"%s","currency":"EUR",
                 "placedAt":"%s","status":"completed",
                 "lines":[{"sku":"S1","category":"shoes","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(id, email, total, java.time.Instant.now(), total));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    @Test
    void the_profile_shows_pending_points_cashback_tier_and_what_comes_next() {
        long member = order("profile@example.com", "P-1", "300.00").at("/order/memberId").asLong();
        JsonNode p = http.get("/api/members/" + member).json();
        assertThat(p.get("pendingPoints").asLong()).as("300 base + 300 shoes + the first-order badge it caused")
                .isEqualTo(650);
        assertThat(p.get("balance").asLong()).isZero();
        assertThat(p.at("/cashback/balanceMinor").asLong()).as("inside the return window").isZero();
        assertThat(p.at("/cashback/pendingMinor").asLong()).isEqualTo(300);
        assertThat(p.at("/tier/name").asText()).as("650 points this year").isEqualTo("silver");
        assertThat(p.at("/tier/nextTier").asText()).isEqualTo("gold");
        assertThat(p.at("/tier/toNextTier").decimalValue()).isEqualByComparingTo("1350");
        assertThat(p.get("badges")).extracting(JsonNode::asText).containsExactly("first-order");
        assertThat(p.get("referralCode").asText()).hasSize(8);
        assertThat(p.get("nextBestOffer").isNull()).as("0 points afford no reward yet").isTrue();
        assertThat(p.at("/segments/rfmSegment").isNull()).as("not computed until the job runs").isTrue();
        http.post("/api/members/" + member + "/adjustments",
                "{\"points\":300,\"reason\":\"goodwill\",\"idempotencyKey\":\"gw-1\"}");
        assertThat(http.get("/api/members/" + member).json().at("/nextBestOffer/id").asText())
                .as("300 points afford free shipping").isEqualTo("shipping");
    }

    @Test
    void the_explanation_says_in_words_where_the_balance_and_tier_come_from() {
        long member = order("explain@example.com", "E-1", "100.00").at("/order/memberId").asLong();
        JsonNode e = http.get("/api/members/" + member + "/explain").json();
        assertThat(e.get("explanation")).extracting(JsonNode::asText)
                .anySatisfy(line -> assertThat(line).startsWith("Balance 0 points = nothing earned yet"))
                .anySatisfy(line -> assertThat(line).contains("250 more points are pending"))
                .anySatisfy(line -> assertThat(line).contains("1.00 EUR cashback is pending"))
                .anySatisfy(line -> assertThat(line).startsWith("Tier bronze: 250 points counted from"))
                .anySatisfy(line -> assertThat(line).contains("Next tier silver needs 250 more points"));
        assertThat(e.get("ruleVersion").asText()).isEqualTo(app.core().program().version());
        assertThat(e.get("entries")).as("nothing on the points account yet").isEmpty();
    }

    @Test
    void a_member_joining_with_a_referral_code_is_enrolled_and_an_unknown_code_creates_nobody() {
        JsonNode referrer = http.post("/api/members", "{\"email\":\"referrer@example.com\"}").json();
        assertThat(referrer.get("balance").asLong()).as("signup bonus").isEqualTo(100);
        String code = referrer.get("referralCode").asText();
        Http.Response joined = http.post("/api/members",
                "{\"email\":\"referee@example.com\",\"referralCode\":\"" + code + "\"}");
        assertThat(joined.status()).isEqualTo(201);
        order("referee@example.com", "R-1", "50.00");
        JsonNode after = http.get("/api/members/" + referrer.get("id").asLong()).json();
        assertThat(after.get("balance").asLong()).as("signup 100").isEqualTo(100);
        assertThat(after.get("pendingPoints").asLong()).as("the referrer bonus waits for R-1's return window")
                .isEqualTo(500);

        Http.Response refused = http.post("/api/members",
                "{\"email\":\"ghost@example.com\",\"referralCode\":\"ZZZZZZZZ\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("referralCode");
        assertThat(http.get("/api/members?email=ghost@example.com").status()).isEqualTo(404);
    }

    @Test
    void every_entry_carries_the_hash_of_the_program_file_as_its_rule_version() {
        JsonNode placed = order("version@example.com", "V-1", "20.00");
        assertThat(placed.at("/entries/0/ruleVersion").asText()).isEqualTo(app.core().program().version())
                .matches("sha256:[0-9a-f]{12}");
    }
}
