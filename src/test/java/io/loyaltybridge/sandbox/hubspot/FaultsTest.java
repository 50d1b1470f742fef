package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest extends SandboxFixture {

    @Test
    void anExpiredTokenGets401ExpiredAuthenticationUntilRestored() {
        hs.faults().expireToken(TOKEN);
        var res = http.get("/crm/v3/objects/contacts");
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.json().get("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
        hs.faults().restoreToken(TOKEN);
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
    }

    @Test
    void theNextCallsFailWithTheOrderedStatusThenCallsSucceedAgain() {
        hs.faults().failNext(2, 502);
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(502);
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(502);
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
    }

    @Test
    void aStormOf429sAndAnExhaustedDayBothNameTheirPolicy() {
        hs.faults().rateLimitStorm(1);
        assertThat(http.get("/crm/v3/objects/contacts").json().get("policyName").asText())
                .isEqualTo("TEN_SECONDLY_ROLLING");
        hs.faults().exhaustDaily();
        var daily = http.get("/crm/v3/objects/contacts");
        assertThat(daily.status()).isEqualTo(429);
        assertThat(daily.json().get("policyName").asText()).isEqualTo("DAILY");
        assertThat(daily.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("0");
        hs.faults().restoreDaily();
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysAnswers() {
        hs.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
