package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthAndLimitsTest extends SandboxFixture {

    @Override
    protected SandboxOptions options() {
        return super.options().tenSecondLimit(5).dailyLimit(8);
    }

    @Test
    void aMissingOrUnknownTokenIs401InvalidAuthentication() {
        var none = http.withToken(null).get("/crm/v3/objects/contacts");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        var wrong = http.withToken("pat-wrong").get("/crm/v3/objects/contacts");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("status").asText()).isEqualTo("error");
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeaders() {
        var res = http.get("/crm/v3/objects/contacts");
        assertThat(res.header("X-HubSpot-RateLimit-Max")).isEqualTo("5");
        assertThat(res.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("4");
        assertThat(res.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(res.header("X-HubSpot-RateLimit-Daily")).isEqualTo("8");
        assertThat(res.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("7");
    }

    @Test
    void theSixthCallWithinTenSecondsIs429TenSecondlyRollingUntilTheWindowMoves() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
        }
        var limited = http.get("/crm/v3/objects/contacts");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(limited.json().get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(limited.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        clock.advance(Duration.ofSeconds(10));
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
    }

    @Test
    void theDailyLimitAnswers429DailyUntilMidnight() {
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(3));
            assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(11));
        var limited = http.get("/crm/v3/objects/contacts");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("policyName").asText()).isEqualTo("DAILY");
        clock.advance(Duration.ofDays(1));
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
    }
}
