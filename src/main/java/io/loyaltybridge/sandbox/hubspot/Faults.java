package io.loyaltybridge.sandbox.hubspot;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trouble a test can order: expired tokens (401), the next N calls failing with a status, slow answers, bursts of
 * 429s and an exhausted daily limit. Each setting holds until cleared or used up; the sandbox consults it per call.
 */
public final class Faults {
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile int retryAfterSeconds;
    private volatile String failurePath = "";
    private final AtomicInteger stormLeft = new AtomicInteger();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private volatile boolean dailyExhausted;
    private Runnable onDailyRestore = () -> { };

    /** Calls with this token get 401 EXPIRED_AUTHENTICATION until {@link #restoreToken}. */
    public void expireToken(String token) {
        expired.add(token);
    }

    public void restoreToken(String token) {
        expired.remove(token);
    }

    /** The next {@code calls} calls (after authentication) answer {@code status} in HubSpot's error shape. */
    public void failNext(int calls, int status) {
        failNext(calls, status, 0);
    }

    /** The same, each answer carrying {@code Retry-After: retryAfterSeconds} (0: no header). */
    public void failNext(int calls, int status, int retryAfterSeconds) {
        failNextOn("", calls, status, retryAfterSeconds);
    }

    /** The next {@code calls} calls to a path starting with {@code pathPrefix} fail; other calls are served. */
    public void failNextOn(String pathPrefix, int calls, int status, int retryAfterSeconds) {
        failureStatus = status;
        this.retryAfterSeconds = retryAfterSeconds;
        failurePath = pathPrefix;
        failuresLeft.set(calls);
    }

    /** Every answer waits this long first (without holding a thread). */
    public void latency(Duration delay) {
        latency.set(delay);
    }

    /** The next {@code calls} calls answer 429 with policyName TEN_SECONDLY_ROLLING. */
    public void rateLimitStorm(int calls) {
        stormLeft.set(calls);
    }

    /** Every call answers 429 DAILY until {@link #restoreDaily}. */
    public void exhaustDaily() {
        dailyExhausted = true;
    }

    /** Lifts {@link #exhaustDaily} and gives every token a fresh daily allowance (as midnight does). */
    public void restoreDaily() {
        dailyExhausted = false;
        onDailyRestore.run();
    }

    public void clear() {
        expired.clear();
        failuresLeft.set(0);
        failurePath = "";
        stormLeft.set(0);
        latency.set(Duration.ZERO);
        restoreDaily();
    }

    boolean isExpired(String token) {
        return expired.contains(token);
    }

    /** The status to fail this call to {@code path} with, or 0. */
    int takeFailure(String path) {
        if (!path.startsWith(failurePath)) {
            return 0;
        }
        return failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failureStatus : 0;
    }

    boolean takeStorm() {
        return stormLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration latency() {
        return latency.get();
    }

    boolean dailyExhausted() {
        return dailyExhausted;
    }

    void onDailyRestore(Runnable r) {
        onDailyRestore = r;
    }
}
