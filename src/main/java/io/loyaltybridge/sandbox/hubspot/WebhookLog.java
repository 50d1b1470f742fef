package io.loyaltybridge.sandbox.hubspot;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** What the webhook sender tried: one entry per POST, for tests to see retries and give-ups. */
public final class WebhookLog {
    /** One delivery attempt; {@code status} is -1 when no answer came (refused, timed out). */
    public record Attempt(URI target, int events, int attemptNumber, boolean accepted, int status) {
    }

    private final List<Attempt> attempts = new ArrayList<>();

    synchronized void record(URI target, int events, int attempt, boolean ok, int status) {
        attempts.add(new Attempt(target, events, attempt, ok, status));
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Events accepted by a receiver so far. */
    public synchronized long eventsDelivered() {
        return attempts.stream().filter(Attempt::accepted).mapToLong(Attempt::events).sum();
    }
}
