package io.loyaltybridge.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Keeps the connector inside its share of the account's budgets: a rolling 10-second window and the day, both
 * learned from HubSpot's X-HubSpot-RateLimit-* headers, and search's own per-second limit. Callers block (never
 * spin) until a call may go; after a 429 every caller waits out the interval. When the daily share is used up,
 * calls fail fast until midnight in the account's time zone (when HubSpot resets the allowance), so a sync cycle
 * ends instead of waiting for hours.
 */
final class RateLimiter {
    /** The daily share is spent: no calls until {@code until}. */
    static final class DailyBudgetSpent extends RuntimeException {
        DailyBudgetSpent(Instant until) {
            super("HubSpot daily API budget share used up; calls resume at " + until);
        }
    }

    /** A second and a little, counted from each search's answer. */
    private static final long SEARCH_WINDOW_MS = 1_020;
    private final double share;
    private final int searchesPerSecond;
    private final long pauseAfter429Ms;
    private final Clock clock;
    private final Deque<Long> calls = new ArrayDeque<>();
    private final Deque<Long> searches = new ArrayDeque<>();
    private int max = 100;
    private long intervalMs = 10_000;
    private int remaining = -1;
    private long dailyMax;
    private long dailyUsed;
    private long pausedUntil;
    private Instant dailyBlockedUntil = Instant.MIN;
    /** The account's time zone: HubSpot resets the daily allowance at its midnight (UTC until it is read). */
    private java.time.ZoneId zone = ZoneOffset.UTC;

    RateLimiter(int sharePercent, int searchesPerSecond, long pauseAfter429Ms, Clock clock) {
        this.share = sharePercent / 100.0;
        this.searchesPerSecond = searchesPerSecond;
        this.pauseAfter429Ms = pauseAfter429Ms;
        this.clock = clock;
    }

    /** Blocks until one call (a search or another) fits the budgets. */
    synchronized void acquire(boolean search) throws InterruptedException {
        while (true) {
            long now = clock.millis();
            if (clock.instant().isBefore(dailyBlockedUntil)) {
                throw new DailyBudgetSpent(dailyBlockedUntil);
            }
            long wait = pausedUntil - now;
            if (wait <= 0) {
                wait = search ? room(searches, searchesPerSecond, SEARCH_WINDOW_MS, now) : room(calls, budget(), intervalMs, now);
            }
            if (wait <= 0 && !search && remaining >= 0 && remaining <= max - budget()) {
                // Other instances of this app used the account's window: wait for about enough of it to free up.
                wait = Math.max(1, intervalMs * (max - budget() - remaining + 1) / max);
                remaining = -1;
            }
            if (wait <= 0) {
                // A search takes its slot when its answer is back (see searched()): HubSpot counts arrivals, and
                // a request held up on its way must not land in the same second as the next ones.
                if (!search) {
                    calls.addLast(now);
                }
                return;
            }
            wait(wait);
        }
    }

    /** A search was answered: it counts against the per-second limit from now. */
    synchronized void searched() {
        searches.addLast(clock.millis());
    }

    /** Learns the account's limits and what is left from an answer's headers. */
    synchronized void observe(Map<String, Object> headers) {
        Long headerMax = number(headers, "X-HubSpot-RateLimit-Max");
        Long left = number(headers, "X-HubSpot-RateLimit-Remaining");
        Long interval = number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        Long daily = number(headers, "X-HubSpot-RateLimit-Daily");
        Long dailyLeft = number(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (headerMax != null && headerMax > 0) {
            max = headerMax.intValue();
        }
        if (interval != null && interval > 0) {
            intervalMs = interval;
        }
        remaining = left == null ? -1 : left.intValue();
        if (daily != null && dailyLeft != null) {
            dailyMax = daily;
            dailyUsed = daily - dailyLeft;
            if (dailyUsed >= Math.floor(daily * share)) {
                blockForTheDay();
            }
        }
    }

    /** Calls of the account's day used and allowed, as the last answer said; empty before any answer. */
    synchronized java.util.Optional<long[]> daily() {
        return dailyMax > 0 ? java.util.Optional.of(new long[]{dailyUsed, dailyMax}) : java.util.Optional.empty();
    }

    /**
     * A 429: everyone waits (the interval, or the day for the DAILY policy), and at least as long as a Retry-After
     * header asked ({@code retryAfterMs}, 0 when there was none).
     */
    synchronized void rateLimited(String policy, long retryAfterMs) {
        remaining = -1; // the pause below already waits for the window; its "0 left" must not add a second wait
        if ("DAILY".equals(policy)) {
            blockForTheDay();
        } else if ("SECONDLY".equals(policy)) {
            pausedUntil = Math.max(pausedUntil, clock.millis() + Math.max(1_000, retryAfterMs));
        } else {
            pausedUntil = Math.max(pausedUntil, clock.millis()
                    + Math.max(retryAfterMs, pauseAfter429Ms > 0 ? pauseAfter429Ms : intervalMs));
        }
        notifyAll();
    }

    /** Every call waits {@code ms} from now (a 503's Retry-After). */
    synchronized void pause(long ms) {
        pausedUntil = Math.max(pausedUntil, clock.millis() + ms);
        notifyAll();
    }

    private void blockForTheDay() {
        // The day is read from the instant in the account's zone, whatever zone the clock itself carries.
        dailyBlockedUntil = clock.instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The account's time zone, read from account-info at start. */
    synchronized void zone(java.time.ZoneId accountZone) {
        this.zone = accountZone;
    }

    /** When calls resume after the daily limit was reached; empty while calls may go. */
    synchronized java.util.Optional<Instant> dailyPauseUntil() {
        return clock.instant().isBefore(dailyBlockedUntil) ? java.util.Optional.of(dailyBlockedUntil)
                : java.util.Optional.empty();
    }

    private int budget() {
        return Math.max(1, (int) Math.floor(max * share));
    }

    /** Milliseconds until the window has room for one more call; 0 when it has room now. */
    private static long room(Deque<Long> window, int limit, long length, long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - length) {
            window.pollFirst();
        }
        return window.size() < limit ? 0 : window.peekFirst() + length - now + 1;
    }

    private static Long number(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
