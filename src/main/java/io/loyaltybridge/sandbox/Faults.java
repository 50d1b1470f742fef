package io.loyaltybridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults a CRM sandbox can be told to inject. Shared by the Salesforce and HubSpot sandboxes, so it knows nothing of
 * either wire format: each sandbox asks it what to do and renders the answer its own way.
 */
public final class Faults {
    private final AtomicLong tokenEpoch = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean limitExhausted;
    private final List<Runnable> streamDroppers = new CopyOnWriteArrayList<>();

    /** Every token issued before this call stops working: the next API call answers 401. */
    public void expireAllTokens() {
        tokenEpoch.incrementAndGet();
    }

    /** Tokens remember the epoch they were issued in; a token from an older epoch has expired. */
    public long tokenEpoch() {
        return tokenEpoch.get();
    }

    /** The next {@code calls} API calls answer {@code status} (e.g. 500, 503) instead of being served. */
    public void failNext(int calls, int status) {
        failureStatus = status;
        failuresLeft.set(calls);
    }

    /** Consumes one injected failure: the status to answer with, or 0 when the call should be served. */
    public int takeFailure() {
        while (true) {
            int left = failuresLeft.get();
            if (left <= 0) {
                return 0;
            }
            if (failuresLeft.compareAndSet(left, left - 1)) {
                return failureStatus;
            }
        }
    }

    /** Delay added before every answer; {@link Duration#ZERO} turns it off. */
    public void latency(Duration delay) {
        latency = delay == null ? Duration.ZERO : delay;
    }

    public Duration latency() {
        return latency;
    }

    /** The daily API limit is used up until {@link #restoreDailyLimit()}. */
    public void exhaustDailyLimit() {
        limitExhausted = true;
    }

    public void restoreDailyLimit() {
        limitExhausted = false;
    }

    public boolean dailyLimitExhausted() {
        return limitExhausted;
    }

    /** Registered by a streaming service; called by {@link #dropStreams()}. */
    public void onDropStreams(Runnable dropper) {
        streamDroppers.add(dropper);
    }

    /** Cuts every open event stream, as a load balancer or a network blip would. */
    public void dropStreams() {
        streamDroppers.forEach(Runnable::run);
    }

    /** Back to a healthy peer (tokens already expired stay expired). */
    public void clear() {
        failuresLeft.set(0);
        latency = Duration.ZERO;
        limitExhausted = false;
    }
}
