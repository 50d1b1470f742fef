package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sforce-Limit-Info: past the configured share of the daily allowance, polls and pushes slow down. */
class LimitsTest {
    @Test
    void below_the_share_every_round_may_call_and_past_it_one_round_per_slow_period() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            public Instant instant() {
                return now[0];
            }

            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        ApiLimits limits = new ApiLimits(80, Duration.ofMinutes(5), clock);
        limits.observe("api-usage=79/100");
        assertThat(limits.permitRound("poll")).isTrue();
        assertThat(limits.permitRound("poll")).isTrue();
        limits.observe("api-usage=80/100");
        assertThat(limits.permitRound("poll")).isTrue();
        assertThat(limits.permitRound("push")).isTrue();
        assertThat(limits.permitRound("poll")).isFalse();
        now[0] = now[0].plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(limits.permitRound("poll")).isTrue();
        limits.observe("no such header");
        assertThat(limits.slowedDown()).isTrue();
    }

    @Test
    void a_connector_near_the_daily_limit_stops_polling_every_second() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withApiLimit(400));
             Harness h = new Harness(sf)) {
            h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                    "loyalty.salesforce.poll.period-seconds", "1", "loyalty.salesforce.limit.share-percent", "1",
                    "loyalty.salesforce.limit.slow-period-seconds", "3600"));
            // the start's three describe calls and then polls every second, two queries each, until 4 of the 400
            // daily requests (the 1% share) are used: after the first poll; then one round per slow period (an
            // hour): the first, and no other
            Harness.await("the share is used and the slow period's round ran", () -> sf.calls().count("queryAll") >= 4);
            Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(2500));
            assertThat(sf.calls().count("describe")).isEqualTo(3);
            assertThat(sf.calls().count("queryAll")).isEqualTo(4);
        }
    }
}
