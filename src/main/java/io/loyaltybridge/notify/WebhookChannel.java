package io.loyaltybridge.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.store.PgWebhookSubscriptions;
import io.loyaltybridge.store.Transactions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outgoing webhooks: a JSON POST per delivery to the subscription's URL, signed with its secret (see
 * {@link WebhookSignatures}). Any 2xx answer is delivered; anything else (or no answer) is retried with backoff.
 * The event id in the body and in {@code X-Loyalty-Event-Id} stays the same across retries, for receivers to
 * drop a repeat. The target's address is checked before each send ({@link WebhookTargets}): one that now resolves
 * to an internal address fails the delivery for good.
 */
public final class WebhookChannel implements Channel {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Transactions tx;
    private final PgWebhookSubscriptions subscriptions;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookChannel(Transactions tx, PgWebhookSubscriptions subscriptions, Duration timeout, Clock clock,
                          WebhookTargets targets) {
        this.tx = tx;
        this.targets = targets;
        this.subscriptions = subscriptions;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Integer send(Notification n) {
        PgWebhookSubscriptions.Subscription subscription = tx.read(() -> subscriptions.byId(n.subscriptionId()))
                .orElseThrow(() -> new DeliveryFailure("subscription " + n.subscriptionId() + " is gone", true, null));
        String body = body(n);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            URI target = URI.create(subscription.url());
            // Subscriptions made before this check existed, or a name that resolves elsewhere now, stop here.
            targets.checkBeforeSending(target);
            request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "LoyaltyBridge-Webhooks")
                    .header("X-Loyalty-Event", n.type().wireName())
                    .header("X-Loyalty-Event-Id", Long.toString(n.eventId()))
                    .header("X-Loyalty-Timestamp", Long.toString(timestamp))
                    .header(WebhookSignatures.HEADER, WebhookSignatures.header(subscription.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("invalid URL: " + e.getMessage(), true, null);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailure("no answer: " + e.getClass().getSimpleName() + " " + e.getMessage(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending", false, null);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("receiver answered " + response.statusCode(), false, response.statusCode());
        }
        return response.statusCode();
    }

    static String body(Notification n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", n.eventId());
        json.put("type", n.type().wireName());
        json.put("occurredAt", n.occurredAt().toString());
        json.put("memberId", n.memberId());
        json.put("data", new TreeMap<>(n.data()));
        json.put("subject", n.text().subject());
        json.put("body", n.text().body());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
