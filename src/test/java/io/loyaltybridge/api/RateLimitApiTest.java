package io.loyaltybridge.api;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-token rate limit: over it a 429 with Retry-After and a problem body, and only for the token that flooded. */
class RateLimitApiTest {
    private static final String FLOOD = "flood-token-0123456789abcdef";
    private static final String CALM = "calm-token-0123456789abcdef";
    private static Application app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                        "loyalty.api.rate-limit.per-second", "1", "loyalty.api.rate-limit.burst", "3"),
                Map.of("LOYALTY_API_TOKENS", "dashboard:read:" + FLOOD + ",shop:ingest:" + CALM));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_token_over_its_rate_gets_429_with_retry_after_and_a_problem_body() {
        Http flood = new Http(app.baseUrl(), FLOOD);
        List<Http.Response> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(flood.get("/api/program"));
        }
        assertThat(answers).extracting(Http.Response::status).contains(200, 429).containsOnly(200, 429);
        Http.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.json().get("detail").asText()).contains("dashboard").contains("1 calls a second");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    @Test
    void one_token_flooding_does_not_slow_the_others() {
        Http flood = new Http(app.baseUrl(), FLOOD);
        for (int i = 0; i < 20; i++) {
            flood.get("/api/program");
        }
        assertThat(flood.get("/api/program").status()).isEqualTo(429);
        Http calm = new Http(app.baseUrl(), CALM);
        Http admin = new Http(app.baseUrl(), TestApp.TOKEN);
        // Each token has its own bucket of 3: the flooder's empty one does not touch theirs.
        for (int i = 0; i < 3; i++) {
            assertThat(calm.get("/api/program").status()).isEqualTo(200);
            assertThat(admin.get("/api/program").status()).isEqualTo(200);
        }
    }
}
