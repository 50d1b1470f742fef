package io.loyaltybridge.hubspot;

import io.loyaltybridge.sync.PushDrain;

import java.util.function.BooleanSupplier;

/**
 * The route hubspot-push's work, asked every few milliseconds and independent of the read cycle: send the batch
 * updates that are due (100 contacts ready, or the oldest waited the linger). It holds back only until the
 * properties are provisioned, while a first sync reads (see {@link HubSpotSync#firstSync()}), and while the day's
 * API budget is spent (every call would be refused).
 */
public final class HubSpotPush {
    private final PushDrain drain;
    private final HubSpotSync sync;
    private final RateLimiter limiter;
    private final BooleanSupplier stopping;

    /** {@code stopping}: the app is stopping; a drain ends after its call in flight (the rest waits in the outbox). */
    HubSpotPush(PushDrain drain, HubSpotSync sync, RateLimiter limiter, BooleanSupplier stopping) {
        this.drain = drain;
        this.sync = sync;
        this.limiter = limiter;
        this.stopping = stopping;
    }

    /** Answers how many contacts were written. */
    public int drain() {
        if (stopping.getAsBoolean() || !sync.provisioned() || sync.firstSync() || dailyBudgetSpent()) {
            return 0;
        }
        return drain.drain(sync::reading, () -> !dailyBudgetSpent() && !stopping.getAsBoolean());
    }

    private boolean dailyBudgetSpent() {
        return limiter.dailyPauseUntil().isPresent();
    }
}
