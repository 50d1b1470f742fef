package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers change events to the configured URLs as HubSpot does: POSTed JSON arrays of at most 100 events, signed
 * with v3, possibly out of order, and retried on a non-2xx answer or a timeout, up to the attempt limit, with the
 * waits of the retry schedule. Each retry carries a higher {@code attemptNumber} and a fresh signature.
 */
public final class WebhookSender implements AutoCloseable {
    private final SandboxOptions options;
    private final WebhookEvents events;
    private final WebhookLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hubspot-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final List<ConcurrentLinkedQueue<ObjectNode>> queues = new ArrayList<>();
    private final Random random;

    WebhookSender(SandboxOptions options, WebhookLog log) {
        this.options = options;
        this.events = new WebhookEvents(options.portalId, options.appId);
        this.log = log;
        this.random = new Random(options.seed);
        options.webhookTargets.forEach(t -> queues.add(new ConcurrentLinkedQueue<>()));
        long every = Math.max(1, options.webhookFlushInterval.toMillis());
        timer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    void accept(Change c) {
        // The app subscribes to contacts and orders (or deals) only: its own notes and survey answers raise none.
        if (queues.isEmpty() || c.type() == ObjectType.NOTES || c.type() == ObjectType.FEEDBACK_SUBMISSIONS) {
            return;
        }
        ObjectNode e = events.event(c);
        queues.forEach(q -> q.add(e));
    }

    private void flush() {
        for (int i = 0; i < queues.size(); i++) {
            ConcurrentLinkedQueue<ObjectNode> q = queues.get(i);
            while (!q.isEmpty()) {
                List<ObjectNode> batch = new ArrayList<>();
                ObjectNode e;
                while (batch.size() < 100 && (e = q.poll()) != null) {
                    batch.add(e);
                }
                if (options.webhookShuffle) {
                    Collections.shuffle(batch, random);
                }
                send(options.webhookTargets.get(i), batch, 1);
            }
        }
    }

    private void send(URI target, List<ObjectNode> batch, int attempt) {
        ArrayNode body = Json.array();
        batch.forEach(e -> body.add(e.deepCopy().put("attemptNumber", attempt - 1)));
        String raw = new String(Json.bytes(body), StandardCharsets.UTF_8);
        long ts = options.clock.millis();
        HttpRequest req = HttpRequest.newBuilder(target).timeout(options.webhookTimeout)
                .header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, String.valueOf(ts))
                .header(V3Signature.HEADER, V3Signature.sign(options.appSecret, "POST", target.toString(), raw, ts))
                .POST(HttpRequest.BodyPublishers.ofString(raw)).build();
        http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
            boolean ok = err == null && res.statusCode() / 100 == 2;
            log.record(target, batch.size(), attempt, ok, err == null ? res.statusCode() : -1);
            if (!ok && attempt < options.webhookMaxAttempts && !timer.isShutdown()) {
                List<Duration> d = options.webhookRetryDelays;
                Duration wait = d.get(Math.min(attempt - 1, d.size() - 1));
                timer.schedule(() -> send(target, batch, attempt + 1), wait.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
