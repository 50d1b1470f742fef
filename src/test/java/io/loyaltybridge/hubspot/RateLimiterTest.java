package io.loyaltybridge.hubspot;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limiter's daily pause, on clocks of any zone. */
class RateLimiterTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /**
     * Regression: the pause was computed from the clock's own zone, so a UTC clock at 15:10 UTC (already the next
     * day in Tokyo) paused until a Tokyo midnight in the past, and the connector called on through the daily limit.
     */
    @Test
    void a_daily_429_pauses_until_the_next_midnight_of_the_account_even_when_the_clock_is_utc_and_a_day_behind() {
        Clock utc = Clock.fixed(Instant.parse("2026-12-07T15:10:00Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(80, 5, 0, utc);
        limiter.zone(TOKYO);

        limiter.rateLimited("DAILY", 0);

        assertThat(limiter.dailyPauseUntil()).contains(Instant.parse("2026-12-08T15:00:00Z"));
        assertThatThrownBy(() -> limiter.acquire(false)).isInstanceOf(RateLimiter.DailyBudgetSpent.class);
    }

    @Test
    void a_daily_429_before_the_accounts_midnight_pauses_until_that_same_midnight() {
        Clock utc = Clock.fixed(Instant.parse("2026-12-07T14:10:00Z"), ZoneOffset.UTC); // 23:10 in Tokyo
        RateLimiter limiter = new RateLimiter(80, 5, 0, utc);
        limiter.zone(TOKYO);

        limiter.rateLimited("DAILY", 0);

        assertThat(limiter.dailyPauseUntil()).contains(Instant.parse("2026-12-07T15:00:00Z"));
    }
}
