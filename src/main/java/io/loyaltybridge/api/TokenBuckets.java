package io.loyaltybridge.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-token rate limit: one token bucket per token name, refilled at {@code perSecond} up to {@code burst}.
 * Each name has its own bucket, so one caller's flood empties only its own. The buckets live in this instance's
 * memory: behind a load balancer each instance allows the rate on its own.
 */
final class TokenBuckets {
    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 when the call may go ahead (and is counted), else the whole seconds to wait before the next one fits. */
    long take(String name) {
        return buckets.computeIfAbsent(name, n -> new Bucket(burst, System.nanoTime())).take();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
