package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static io.loyaltybridge.api.ApiFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP against the real app: orders, profiles, ledgers, redemptions, adjustments. */
class LedgerApiTest {
    private static ApiFixture fx;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void a_call_without_the_bearer_token_is_refused_with_401_and_a_problem() {
        Http anonymous = new Http(fx.app.baseUrl(), null);
        Http wrong = new Http(fx.app.baseUrl(), "not-the-token");
        for (Http client : new Http[]{anonymous, wrong}) {
            Http.Response r = client.get("/api/members/1");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
        }
        Http.Response post = anonymous.post("/api/orders", order("anon@example.com", "ANON-1", "10", "completed", ""));
        assertThat(post.status()).isEqualTo(401);
        assertThat(fx.http.get("/api/members?email=anon@example.com").status()).isEqualTo(404);
    }

    @Test
    void an_order_answers_201_first_then_200_with_no_entries_when_nothing_changed() {
        Http.Response first = fx.http.post("/api/orders", order("first@example.com", "O-1", "99.90", "completed", ""));
        Http.Response again = fx.http.post("/api/orders", order("first@example.com", "O-1", "99.90", "completed", ""));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/entries/0/points").asLong()).isEqualTo(99);
        assertThat(first.json().at("/entries/0/kind").asText()).isEqualTo("earn");
        assertThat(first.json().at("/entries/0/ruleVersion").asText()).isNotBlank();
        assertThat(first.json().at("/order/total").asText()).isEqualTo("99.9");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(again.json().get("entries")).isEmpty();
        long member = first.json().at("/order/memberId").asLong();
        assertThat(fx.http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(99);
    }

    @Test
    void a_new_total_or_status_writes_only_the_difference() {
        long member = fx.http.post("/api/orders", order("diff@example.com", "D-1", "100", "completed", ""))
                .json().at("/order/memberId").asLong();
        Http.Response raised = fx.http.post("/api/orders", order("diff@example.com", "D-1", "130", "completed", ""));
        Http.Response refunded = fx.http.post("/api/orders",
                order("diff@example.com", "D-1", "130", "partially_refunded", ",\"refundedAmount\":30.5"));
        Http.Response full = fx.http.post("/api/orders", order("diff@example.com", "D-1", "130", "refunded", ""));
        assertThat(raised.json().at("/entries/0/points").asLong()).isEqualTo(30);
        assertThat(refunded.json().at("/entries/0/points").asLong()).isEqualTo(-31);
        assertThat(refunded.json().at("/entries/0/kind").asText()).isEqualTo("reverse");
        assertThat(full.json().at("/entries/0/points").asLong()).isEqualTo(-99);
        JsonNode profile = fx.http.get("/api/members/" + member).json();
        assertThat(profile.get("balance").asLong()).isZero();
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void a_member_is_found_by_email_whatever_its_case_and_shows_balance_lifetime_and_identities() {
        String body = """
                {"source":"salesforce","externalId":"801-1","member":{"email":"Mixed.Case@Example.com",
                 "crm":{"system":"salesforce","externalId":"003ABC"},"firstName":"Mia"},"total":"42.00",
                 "currency":"EUR","placedAt":"2026-04-01T08:00:00+02:00","status":"completed"}""";
        assertThat(fx.http.post("/api/orders", body).status()).isEqualTo(201);
        JsonNode found = fx.http.get("/api/members?email=mixed.case@EXAMPLE.com").json();
        assertThat(found.get("email").asText()).isEqualTo("Mixed.Case@Example.com");
        assertThat(found.get("firstName").asText()).isEqualTo("Mia");
        assertThat(found.get("balance").asLong()).isEqualTo(42);
        assertThat(found.get("lifetimePoints").asLong()).isEqualTo(42);
        assertThat(found.at("/identities/0/system").asText()).isEqualTo("salesforce");
        assertThat(found.at("/identities/0/externalId").asText()).isEqualTo("003ABC");
    }

    @Test
    void the_ledger_is_listed_newest_first_in_pages() {
        long member = fx.memberWith("pages@example.com", 50);
        for (int i = 1; i <= 4; i++) {
            fx.http.post("/api/members/" + member + "/redemptions",
                    "{\"points\":" + i + ",\"reason\":\"r\",\"idempotencyKey\":\"page-" + i + "\"}");
        }
        JsonNode page1 = fx.http.get("/api/members/" + member + "/ledger?limit=3").json();
        assertThat(page1.get("entries")).extracting(e -> e.get("points").asLong()).containsExactly(-4L, -3L, -2L);
        JsonNode page2 = fx.http.get(page1.get("next").asText()).json();
        assertThat(page2.get("entries")).extracting(e -> e.get("points").asLong()).containsExactly(-1L, 50L);
        assertThat(page2.get("next").isNull()).isTrue();
    }

    @Test
    void a_redemption_beyond_the_balance_is_409_and_the_same_key_twice_is_one_redemption() {
        long member = fx.memberWith("redeem@example.com", 100);
        String redeem60 = "{\"points\":60,\"reason\":\"voucher\",\"idempotencyKey\":\"red-1\"}";
        Http.Response first = fx.http.post("/api/members/" + member + "/redemptions", redeem60);
        Http.Response replay = fx.http.post("/api/members/" + member + "/redemptions", redeem60);
        Http.Response tooMuch = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"points\":41,\"reason\":\"voucher\",\"idempotencyKey\":\"red-2\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("balance").asLong()).isEqualTo(40);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("replayed").asBoolean()).isTrue();
        assertThat(replay.json().at("/entry/id").asLong()).isEqualTo(first.json().at("/entry/id").asLong());
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(tooMuch.json().get("code").asText()).isEqualTo("insufficient_balance");
        assertThat(fx.http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(40);
    }

    @Test
    void an_adjustment_adds_or_takes_points_once_per_key_and_never_below_zero() {
        long member = fx.memberWith("adjust@example.com", 10);
        Http.Response add = fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":25,\"reason\":\"goodwill\",\"idempotencyKey\":\"adj-1\"}");
        Http.Response addAgain = fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":25,\"reason\":\"goodwill\",\"idempotencyKey\":\"adj-1\"}");
        Http.Response takeTooMuch = fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":-36,\"reason\":\"correction\",\"idempotencyKey\":\"adj-2\"}");
        assertThat(add.status()).isEqualTo(201);
        assertThat(add.json().at("/entry/kind").asText()).isEqualTo("adjust");
        assertThat(add.json().at("/entry/source/id").asText()).isEqualTo("api-token");
        assertThat(addAgain.status()).isEqualTo(200);
        assertThat(takeTooMuch.status()).isEqualTo(409);
        assertThat(fx.http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(35);
    }

    @Test
    void staffAdjustmentsMoveTheBalanceButNotLifetimePoints() {
        long member = fx.memberWith("lifetime@example.com", 60);
        assertThat(fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":25,\"reason\":\"goodwill\",\"idempotencyKey\":\"life-1\"}").status()).isEqualTo(201);
        assertThat(fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":-55,\"reason\":\"correction\",\"idempotencyKey\":\"life-2\"}").status())
                .isEqualTo(201);
        JsonNode profile = fx.http.get("/api/members/" + member).json();
        assertThat(profile.get("balance").asLong()).isEqualTo(30);
        assertThat(profile.get("lifetimePoints").asLong()).as("earned from the order only").isEqualTo(60);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void a_member_can_be_created_and_a_second_one_with_the_same_email_is_409() {
        Http.Response created = fx.http.post("/api/members", """
                {"email":"created@example.com","firstName":"Cleo","lastName":"Stone","birthDate":"1990-02-28",
                 "consent":{"marketing":true}}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("birthDate").asText()).isEqualTo("1990-02-28");
        assertThat(created.json().at("/consent/marketing").asBoolean()).isTrue();
        assertThat(created.json().get("balance").asLong()).isZero();
        assertThat(fx.http.post("/api/members", "{\"email\":\"CREATED@example.com\"}").status()).isEqualTo(409);
    }

    @Test
    void responses_never_echo_request_headers() {
        HttpRequest request = fx.http.builder("/api/members/999999").header("X-Secret", "s3cr3t").GET().build();
        Http.Response r = fx.http.send(request);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers().map()).doesNotContainKeys("X-Secret", "x-secret", "Authorization", "authorization");
        assertThat(r.headers().map().toString() + r.text())
                .doesNotContain("s3cr3t").doesNotContain(io.loyaltybridge.support.TestApp.TOKEN);
    }

    @Test
    void a_birth_date_that_is_today_somewhere_is_taken_and_the_day_after_that_is_refused() {
        // Regression: "today" was the server's, so a member born today in Paris was refused after midnight there.
        java.time.LocalDate latest = java.time.LocalDate.now(java.time.ZoneOffset.ofHours(14));
        Http.Response today = fx.http.post("/api/members",
                "{\"email\":\"born.today@example.com\",\"birthDate\":\"" + latest + "\"}");
        assertThat(today.status()).as(today.text()).isEqualTo(201);
        Http.Response tomorrow = fx.http.post("/api/members",
                "{\"email\":\"born.tomorrow@example.com\",\"birthDate\":\"" + latest.plusDays(1) + "\"}");
        assertThat(tomorrow.status()).as(tomorrow.text()).isEqualTo(400);
        assertThat(tomorrow.errorFields()).containsExactly("birthDate");
    }
}
