package io.loyaltybridge.sandbox.hubspot;

import java.time.Duration;
import java.util.List;

/**
 * Webhook retry waits. HubSpot retries a failed delivery up to 10 times spread over 24 hours; REAL approximates that
 * spread, and {@link #compressed} keeps its shape at a scale tests can wait for.
 */
public final class HubSpotRetrySchedule {
    public static final List<Duration> REAL = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(6), Duration.ofHours(10));

    private HubSpotRetrySchedule() {
    }

    /** The real schedule divided by {@code factor} (e.g. 36 000 turns 24 h into about 2.4 s). */
    public static List<Duration> compressed(long factor) {
        return REAL.stream().map(d -> Duration.ofNanos(Math.max(1_000_000, d.toNanos() / factor))).toList();
    }
}
