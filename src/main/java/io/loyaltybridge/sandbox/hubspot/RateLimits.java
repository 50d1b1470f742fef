package io.loyaltybridge.sandbox.hubspot;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot's limits per app token: a rolling 10-second window, a daily count that resets at midnight in the
 * account's time zone ({@link SandboxOptions#timeZone}),
 * and a separate per-second limit for search, which in turn is exempt from the 10-second window.
 */
final class RateLimits {
    /** What one request was told; {@code policy} is null when it may go ahead. */
    record Verdict(String policy, int max, int remaining, int daily, int dailyRemaining) {
    }

    private final Clock clock;
    private final int tenSecondMax;
    private final long windowMs;
    private final int dailyMax;
    private final int searchMax;
    private final Faults faults;
    private final java.time.ZoneId zone;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    RateLimits(SandboxOptions o, Faults faults) {
        this.clock = o.clock;
        this.tenSecondMax = o.tenSecondLimit;
        this.windowMs = o.rateWindowMs;
        this.dailyMax = o.dailyLimit;
        this.searchMax = o.searchPerSecond;
        this.faults = faults;
        this.zone = o.timeZone;
    }

    Verdict admit(String token, boolean search) {
        return accounts.computeIfAbsent(token, t -> new Account()).admit(clock.millis(), search);
    }

    void resetDaily() {
        accounts.values().forEach(a -> a.resetDaily());
    }

    private final class Account {
        private final ArrayDeque<Long> tenSecond = new ArrayDeque<>();
        private final ArrayDeque<Long> searches = new ArrayDeque<>();
        private long day = -1;
        private int dailyUsed;

        synchronized Verdict admit(long now, boolean search) {
            while (!tenSecond.isEmpty() && tenSecond.peekFirst() <= now - windowMs) {
                tenSecond.pollFirst();
            }
            while (!searches.isEmpty() && searches.peekFirst() <= now - 1_000) {
                searches.pollFirst();
            }
            long today = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), zone).toEpochDay();
            if (today != day) {
                day = today;
                dailyUsed = 0;
            }
            int dailyLeft = faults.dailyExhausted() ? 0 : dailyMax - dailyUsed;
            if (dailyLeft <= 0) {
                return verdict("DAILY", 0);
            }
            if (search && searches.size() >= searchMax) {
                return verdict("SECONDLY", dailyLeft);
            }
            if (!search && tenSecond.size() >= tenSecondMax) {
                return verdict("TEN_SECONDLY_ROLLING", dailyLeft);
            }
            (search ? searches : tenSecond).addLast(now);
            dailyUsed++;
            return verdict(null, dailyLeft - 1);
        }

        synchronized void resetDaily() {
            dailyUsed = 0;
        }

        private Verdict verdict(String policy, int dailyLeft) {
            return new Verdict(policy, tenSecondMax, Math.max(0, tenSecondMax - tenSecond.size()), dailyMax,
                    Math.max(0, dailyLeft));
        }
    }
}
