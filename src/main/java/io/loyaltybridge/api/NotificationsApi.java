package io.loyaltybridge.api;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.store.PgConsent;
import io.loyaltybridge.store.PgDeliveries;
import io.loyaltybridge.store.PgWebhookSubscriptions;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.Exchange;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Webhook subscriptions (create, list, delete), the delivery log, and a member's marketing consent. A
 * subscription's secret is answered once, when it is created.
 */
public final class NotificationsApi {
    private static final List<String> STATUSES = List.of("pending", "delivered", "failed", "suppressed");
    private final ApiGuard guard;
    private final Transactions tx;
    private final PgWebhookSubscriptions subscriptions;
    private final PgDeliveries deliveries;
    private final PgConsent consent;
    private final Supplier<String> secrets;
    private final Clock clock;

    public NotificationsApi(ApiGuard guard, Transactions tx, PgWebhookSubscriptions subscriptions,
                            PgDeliveries deliveries, PgConsent consent, Supplier<String> secrets, Clock clock) {
        this.guard = guard;
        this.tx = tx;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.consent = consent;
        this.secrets = secrets;
        this.clock = clock;
    }

    public void createSubscription(Exchange exchange) {
        guard.handle(exchange, request -> {
            BodyReader body = request.body();
            String url = body.text("url", true, 2000);
            if (url != null && !isHttpUrl(url)) {
                body.reject("url", "must be an absolute http or https URL");
            }
            List<String> types = body.texts("eventTypes", EventType.values().length);
            for (String type : types) {
                if (!isEventType(type)) {
                    body.reject("eventTypes", "unknown event type '" + type + "' (known: " + known() + ")");
                }
            }
            body.requireValid();
            var created = request.audited("webhook.subscribed", () -> subscriptions.create(url, secrets.get(),
                    types.stream().distinct().toList(), clock.instant()), s -> new AuditTrail.Entry(
                    "webhook-subscription:" + s.id(), null, Map.of("url", s.url(), "eventTypes", s.eventTypes())));
            Map<String, Object> view = view(created);
            view.put("secret", created.secret());
            return Reply.created(view);
        });
    }

    public void listSubscriptions(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(Map.of("subscriptions",
                tx.read(subscriptions::active).stream().map(NotificationsApi::view).toList())));
    }

    public void deleteSubscription(Exchange exchange) {
        guard.handle(exchange, request -> {
            long id = id(request.query("id"));
            if (!request.audited("webhook.unsubscribed", () -> subscriptions.delete(id, clock.instant()),
                    deleted -> deleted ? new AuditTrail.Entry("webhook-subscription:" + id, null, Map.of())
                            : AuditTrail.Entry.NOTHING)) {
                throw new NotFound("no webhook subscription with id " + id);
            }
            return Reply.ok(Map.of("id", id, "deleted", true));
        });
    }

    public void listDeliveries(Exchange exchange) {
        guard.handle(exchange, request -> {
            String channel = request.query("channel");
            String status = request.query("status");
            List<Violation> bad = new ArrayList<>();
            if (channel != null && !List.of("salesforce", "hubspot", "webhook").contains(channel)) {
                bad.add(new Violation("channel", "must be salesforce, hubspot or webhook"));
            }
            if (status != null && !STATUSES.contains(status)) {
                bad.add(new Violation("status", "must be one of " + String.join(", ", STATUSES)));
            }
            String subscription = request.query("subscriptionId");
            Long subscriptionId = null;
            if (subscription != null) {
                try {
                    subscriptionId = Long.parseLong(subscription);
                } catch (NumberFormatException e) {
                    bad.add(new Violation("subscriptionId", "must be a whole number"));
                }
            }
            if (!bad.isEmpty()) {
                throw new InvalidInput(bad);
            }
            int limit = request.queryInt("limit", 100, 1, 1000);
            Long sub = subscriptionId;
            return Reply.ok(Map.of("deliveries", tx.read(() -> deliveries.list(channel, sub, status, limit)).stream()
                    .map(NotificationsApi::view).toList()));
        });
    }

    public void setConsent(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            BodyReader body = request.body();
            Boolean marketing = body.bool("marketing");
            if (marketing == null && body.violations().isEmpty()) {
                body.reject("marketing", "is required");
            }
            body.requireValid();
            return Reply.ok(request.audited("consent.changed", () -> {
                consent.set(member, marketing, "api").orElseThrow(() -> new NotFound("no member with id " + member));
                return consentView(member);
            }, view -> new AuditTrail.Entry("member:" + member.value(), member, Map.of("marketing", marketing))));
        });
    }

    public void getConsent(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            return Reply.ok(tx.read(() -> consentView(member)));
        });
    }

    private Map<String, Object> consentView(MemberId member) {
        List<PgConsent.Change> history = consent.history(member);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("memberId", member.value());
        view.put("marketing", !history.isEmpty() && history.get(history.size() - 1).marketing());
        view.put("history", history.stream().map(c -> Map.of("marketing", c.marketing(), "source", c.source(),
                "recordedAt", c.recordedAt().toString())).toList());
        return view;
    }

    private static Map<String, Object> view(PgWebhookSubscriptions.Subscription s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("url", s.url());
        view.put("eventTypes", s.eventTypes());
        view.put("createdAt", s.createdAt().toString());
        return view;
    }

    private static Map<String, Object> view(PgDeliveries.Logged d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("eventId", d.eventId());
        view.put("eventType", d.eventType());
        view.put("memberId", d.memberId());
        view.put("channel", d.channel());
        view.put("subscriptionId", d.subscriptionId());
        view.put("status", d.status());
        view.put("attempts", d.attempts());
        view.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        view.put("lastError", d.lastError());
        view.put("responseStatus", d.responseStatus());
        view.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return view;
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (RuntimeException e) {
            throw new NotFound("no webhook subscription with id " + raw);
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isEventType(String type) {
        try {
            EventType.fromWire(type);
            return type.equals(type.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }
}
