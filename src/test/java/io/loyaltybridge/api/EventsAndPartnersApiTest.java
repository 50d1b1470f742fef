package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Points outside orders over real HTTP: non-purchase events and partner transactions, each granted once. */
class EventsAndPartnersApiTest {
    private static RichFixture fx;

    @BeforeAll
    static void start() {
        fx = new RichFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String event(String member, String event, String eventId) {
        return "{\"member\":" + member + ",\"event\":\"" + event + "\",\"eventId\":\"" + eventId + "\"}";
    }

    private static String partnerTx(String member, String transactionId, String amount) {
        return "{\"member\":" + member + ",\"transactionId\":\"" + transactionId + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"occurredAt\":\"" + RichFixture.anHourAgo() + "\"}";
    }

    private static List<String> fields(Http.Response r) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.errorFields();
    }

    @Test
    void a_review_grants_its_points_as_a_bonus_once_per_event_id() {
        long member = fx.memberWith("reviewer@example.com", "10");
        Http.Response first = fx.http.post("/api/events", event("{\"id\":" + member + "}", "review", "rev-1"));
        Http.Response again = fx.http.post("/api/events", event("{\"id\":" + member + "}", "review", "rev-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/entry/points").asLong()).isEqualTo(20);
        assertThat(first.json().at("/entry/kind").asText()).isEqualTo("bonus");
        assertThat(first.json().at("/entry/account").asText()).isEqualTo("points");
        assertThat(first.json().at("/entry/reason").asText()).contains("Thanks for your review");
        assertThat(first.json().at("/entry/operationKey").asText()).isEqualTo("event:review:rev-1");
        assertThat(first.json().get("balance").asLong()).isEqualTo(30);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().at("/entry/id").asLong()).isEqualTo(first.json().at("/entry/id").asLong());
        assertThat(fx.balance(member, "points")).isEqualTo(30);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void an_event_for_a_new_email_creates_the_member_as_an_order_would() {
        Http.Response r = fx.http.post("/api/events",
                event("{\"email\":\"newcomer@example.com\",\"firstName\":\"Nia\"}", "signup", "signup-nia"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode profile = fx.http.get("/api/members?email=newcomer@example.com").json();
        assertThat(profile.get("id").asLong()).isEqualTo(r.json().get("memberId").asLong());
        assertThat(profile.get("firstName").asText()).isEqualTo("Nia");
        assertThat(profile.get("balance").asLong()).isEqualTo(100);
    }

    @Test
    void signup_is_granted_once_per_member_even_under_another_event_id() {
        long member = fx.memberWith("signup@example.com", "10");
        Http.Response first = fx.http.post("/api/events", event("{\"id\":" + member + "}", "signup", "su-1"));
        long[] before = fx.rows();
        Http.Response second = fx.http.post("/api/events", event("{\"id\":" + member + "}", "signup", "su-2"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("event_limit_reached");
        assertThat(second.json().get("detail").asText()).contains("limit 1");
        assertThat(fx.rows()).containsExactly(before);
        assertThat(fx.balance(member, "points")).isEqualTo(110);
    }

    @Test
    void parallel_signups_under_different_event_ids_grant_exactly_one_bonus() throws Exception {
        long member = fx.memberWith("parallel-signup@example.com", "10");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = event("{\"id\":" + member + "}", "signup", "par-" + i);
            statuses.add(pool.submit(() -> {
                go.await();
                return fx.http.post("/api/events", body).status();
            }));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();
        assertThat(results).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(fx.balance(member, "points")).isEqualTo(110);
    }

    @Test
    void an_event_id_used_for_another_member_is_409_and_writes_nothing() {
        long ann = fx.memberWith("ev-ann@example.com", "10");
        long bob = fx.memberWith("ev-bob@example.com", "10");
        assertThat(fx.http.post("/api/events", event("{\"id\":" + ann + "}", "review", "shared")).status())
                .isEqualTo(201);
        long[] before = fx.rows();
        Http.Response r = fx.http.post("/api/events", event("{\"id\":" + bob + "}", "review", "shared"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void an_unknown_event_is_400_naming_event_and_creates_no_member() {
        long[] before = fx.rows();
        Http.Response r = fx.http.post("/api/events",
                event("{\"email\":\"typo@example.com\"}", "reveiw", "typo-1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("event");
        assertThat(r.json().at("/errors/0/message").asText()).contains("signup", "birthday", "review");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_bad_event_report_names_every_bad_field_at_once() {
        long[] before = fx.rows();
        Http.Response missing = fx.http.post("/api/events", "{\"occurredAt\":\"yesterday\"}");
        Http.Response wrong = fx.http.post("/api/events", """
                {"member":{"id":-3},"event":"review","eventId":"has spaces","occurredAt":"2999-01-01T00:00:00Z"}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("member", "event", "eventId", "occurredAt");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("member.id", "eventId", "occurredAt");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_partner_transaction_earns_at_the_partner_rate_once() {
        long member = fx.memberWith("flyer@example.com", "10");
        String body = partnerTx("{\"id\":" + member + "}", "SKY-1001", "\"101.00\"");
        Http.Response first = fx.http.post("/api/partners/skyair/transactions", body);
        Http.Response again = fx.http.post("/api/partners/skyair/transactions", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/entry/points").asLong()).as("101 x 0.5, rounded down").isEqualTo(50);
        assertThat(first.json().at("/entry/kind").asText()).isEqualTo("earn");
        assertThat(first.json().at("/entry/source/system").asText()).isEqualTo("skyair");
        assertThat(first.json().at("/entry/source/id").asText()).isEqualTo("SKY-1001");
        assertThat(first.json().at("/entry/operationKey").asText()).isEqualTo("partner:skyair:SKY-1001");
        assertThat(first.json().get("balance").asLong()).isEqualTo(60);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(fx.balance(member, "points")).isEqualTo(60);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void a_partner_transaction_for_a_crm_contact_finds_the_member_by_that_identity() {
        fx.http.post("/api/orders", """
                {"source":"sf","externalId":"sf-o-1","member":{"email":"crm@example.com",
                 "crm":{"system":"salesforce","externalId":"003XYZ"}},"total":"10","currency":"EUR",
                 "placedAt":"%s","status":"completed"}""".formatted(RichFixture.anHourAgo()));
        Http.Response r = fx.http.post("/api/partners/skyair/transactions",
                partnerTx("{\"crm\":{\"system\":\"salesforce\",\"externalId\":\"003XYZ\"}}", "SKY-CRM", "40"));
        assertThat(r.status()).isEqualTo(201);
        long member = fx.http.get("/api/members?email=crm@example.com").json().get("id").asLong();
        assertThat(r.json().get("memberId").asLong()).isEqualTo(member);
        assertThat(fx.balance(member, "points")).isEqualTo(30);
    }

    @Test
    void a_transaction_too_small_for_a_point_is_200_with_no_entry() {
        long member = fx.memberWith("tiny@example.com", "10");
        long[] before = fx.rows();
        Http.Response r = fx.http.post("/api/partners/skyair/transactions",
                partnerTx("{\"id\":" + member + "}", "SKY-TINY", "1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("points").asLong()).isZero();
        assertThat(r.json().get("entry").isNull()).isTrue();
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_transaction_id_reported_again_with_another_amount_is_409() {
        long member = fx.memberWith("changed@example.com", "10");
        fx.http.post("/api/partners/skyair/transactions", partnerTx("{\"id\":" + member + "}", "SKY-CH", "100"));
        long[] before = fx.rows();
        Http.Response r = fx.http.post("/api/partners/skyair/transactions",
                partnerTx("{\"id\":" + member + "}", "SKY-CH", "300"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void an_unknown_partner_is_404_and_writes_nothing() {
        long[] before = fx.rows();
        Http.Response r = fx.http.post("/api/partners/moonair/transactions",
                partnerTx("{\"email\":\"moon@example.com\"}", "MOON-1", "100"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("moonair");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_bad_partner_transaction_names_every_bad_field_and_writes_nothing() {
        long[] before = fx.rows();
        Http.Response missing = fx.http.post("/api/partners/skyair/transactions", "{\"currency\":\"EURO\"}");
        Http.Response wrong = fx.http.post("/api/partners/skyair/transactions", """
                {"member":{"email":"bad@example.com"},"transactionId":"T-1","amount":-5,"currency":"USD",
                 "occurredAt":"2999-01-01T00:00:00Z"}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("member", "transactionId", "amount", "currency",
                "occurredAt");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("amount", "currency", "occurredAt");
        assertThat(fx.rows()).containsExactly(before);
    }
}
