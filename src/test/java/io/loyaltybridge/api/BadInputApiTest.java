package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static io.loyaltybridge.api.ApiFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem body naming every bad field, and changes nothing in the database. */
class BadInputApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApiFixture fx;
    private static long member;
    private long[] before;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
        member = fx.memberWith("owner@example.com", 100);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void countRows() {
        before = rows();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(rows()).as("members, orders, ledger entries, balances").containsExactly(before);
    }

    private long[] rows() {
        return new long[]{Db.count(fx.databaseUrl, "members"), Db.count(fx.databaseUrl, "orders"),
                Db.count(fx.databaseUrl, "ledger_entries"),
                Db.longValue(fx.databaseUrl, "SELECT coalesce(sum(available), 0) FROM member_balances")};
    }

    private static List<String> fields(Http.Response r) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.errorFields();
    }

    @Test
    void malformed_json_is_400_with_where_it_broke() {
        Http.Response r = fx.http.post("/api/orders", "{\"source\": \"shop\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("not valid JSON").contains("line 1");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("title").asText()).isNotBlank();
    }

    @Test
    void a_body_that_is_not_an_object_or_is_empty_is_400() {
        assertThat(fx.http.post("/api/orders", "[1,2]").status()).isEqualTo(400);
        assertThat(fx.http.post("/api/orders", "").status()).isEqualTo(400);
        assertThat(fx.http.post("/api/orders", "{\"a\":1,\"a\":2}").status()).isEqualTo(400);
    }

    @Test
    void every_missing_field_is_listed_at_once() {
        Http.Response r = fx.http.post("/api/orders", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("source", "externalId", "member", "total", "currency",
                "placedAt", "status");
    }

    @Test
    void aFutureDatedOrderIsRefusedByTheApiAsByTheCrms() {
        Http.Response r = fx.http.post("/api/orders", """
                {"source":"shop","externalId":"FUTURE-1","member":{"email":"future@example.com"},"total":100,
                 "currency":"EUR","placedAt":"2099-01-01T00:00:00Z","status":"completed"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("placedAt");
        assertThat(r.text()).contains("must not be in the future");
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "total|-5",
            "total|1e12",
            "total|0.000001",
            "total|\"ten\"",
            "currency|\"ABC\"",
            "currency|\"eur\"",
            "placedAt|\"yesterday\"",
            "status|\"shipped\"",
            "refundedAmount|500",
            "lines|[{\"quantity\":0,\"unitPrice\":1}]",
            "lines|[{\"quantity\":1,\"unitPrice\":-1}]",
            "lines|\"none\"",
            "member|{\"email\":\"not-an-email\"}",
            "member|{\"id\":-3}",
            "member|{}",
    })
    void an_order_with_a_bad_field_is_400_naming_that_field(String field, String value) throws Exception {
        String body = """
                {"source":"shop","externalId":"BAD-1","member":{"email":"bad@example.com"},"total":100,
                 "currency":"EUR","placedAt":"2026-05-01T12:00:00Z","status":"partially_refunded",
                 "refundedAmount":10}""";
        ObjectNode json = (ObjectNode) MAPPER.readTree(body);
        json.set(field, MAPPER.readTree(value));
        String bad = json.toString();
        Http.Response r = fx.http.post("/api/orders", bad);
        assertThat(r.status()).as(bad).isEqualTo(400);
        assertThat(fields(r)).as(r.text()).anyMatch(f -> f.startsWith(field));
    }

    @Test
    void an_order_for_an_unknown_member_id_is_400_naming_the_member() {
        Http.Response r = fx.http.post("/api/orders", """
                {"source":"shop","externalId":"U-1","member":{"id":999999},"total":10,"currency":"EUR",
                 "placedAt":"2026-05-01T12:00:00Z","status":"completed"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("member.id");
    }

    @Test
    void an_unknown_member_in_the_path_is_404_everywhere() {
        assertThat(fx.http.get("/api/members/999999").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/members/abc").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/members/999999/ledger").status()).isEqualTo(404);
        assertThat(fx.http.post("/api/sync/dead-letters/abc/replay", "{}").status()).isEqualTo(404);
        Http.Response redeem = fx.http.post("/api/members/999999/redemptions",
                "{\"points\":1,\"reason\":\"r\",\"idempotencyKey\":\"k\"}");
        assertThat(redeem.status()).isEqualTo(404);
        assertThat(redeem.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_redemption_with_bad_points_reason_or_key_lists_each() {
        Http.Response r = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"points\":-5,\"reason\":\"\",\"idempotencyKey\":\"has spaces\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("points", "reason", "idempotencyKey");
        Http.Response absurd = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"points\":99999999999,\"reason\":\"x\",\"idempotencyKey\":\"k1\"}");
        assertThat(absurd.status()).isEqualTo(400);
        Http.Response fractional = fx.http.post("/api/members/" + member + "/adjustments",
                "{\"points\":1.5,\"reason\":\"x\",\"idempotencyKey\":\"k2\"}");
        assertThat(fields(fractional)).containsExactly("points");
    }

    @Test
    void a_cashback_redemption_on_a_program_without_cashback_is_400_naming_account() {
        Http.Response r = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"account\":\"cashback\",\"points\":500,\"reason\":\"r\",\"idempotencyKey\":\"cb-1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("account");
        assertThat(r.json().at("/errors/0/message").asText()).contains("no cashback");
    }

    @Test
    void an_oversized_body_is_413_with_a_problem() {
        String padding = "x".repeat(1_100_000);
        Http.Response r = fx.http.post("/api/orders", "{\"source\":\"" + padding + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("body_too_large");
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_415() {
        HttpRequest request = fx.http.builder("/api/orders").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(order("ct@example.com", "CT-1", "5", "completed", "")))
                .build();
        assertThat(fx.http.send(request).status()).isEqualTo(415);
    }

    @Test
    void a_bad_query_parameter_is_400() {
        JsonNode problem = fx.http.get("/api/members/" + member + "/ledger?limit=100000").json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(fx.http.get("/api/members?email=nope").status()).isEqualTo(400);
    }

    /**
     * Every other endpoint that takes a body: absurd, mistyped or injection-shaped values are 400 naming the field
     * ({@code {member}} stands for the fixture member's id), and nothing is written.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/members|{\"email\":\"x' OR '1'='1\"}|email",
            "/api/members|{\"email\":\"n@example.com\",\"birthDate\":\"9999-12-31\"}|birthDate",
            "/api/members|{\"email\":\"n@example.com\",\"firstName\":7}|firstName",
            "/api/members/{member}/adjustments|{\"points\":\"NaN\",\"reason\":\"x\",\"idempotencyKey\":\"a1\"}|points",
            "/api/members/{member}/adjustments|{\"points\":1e300,\"reason\":\"x\",\"idempotencyKey\":\"a2\"}|points",
            "/api/members/{member}/redemptions|{\"points\":5,\"reason\":\"x\",\"idempotencyKey\":\"k' OR 1=1\"}|idempotencyKey",
            "/api/events|{\"member\":{\"id\":{member}},\"event\":\"no-such-event\",\"eventId\":\"e1\"}|event",
            "/api/events|{\"member\":{\"id\":{member}},\"event\":7,\"eventId\":[]}|event",
    })
    void every_other_endpoint_taking_a_body_answers_bad_values_with_400_naming_the_field(String path, String body,
                                                                                       String field) {
        String target = path.replace("{member}", Long.toString(member));
        Http.Response r = fx.http.post(target, body.replace("{member}", Long.toString(member)));
        assertThat(r.status()).as(target + " " + body + " -> " + r.text()).isEqualTo(400);
        assertThat(fields(r)).as(r.text()).anyMatch(f -> f.startsWith(field));
    }
}
