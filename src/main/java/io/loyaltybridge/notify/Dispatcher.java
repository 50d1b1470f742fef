package io.loyaltybridge.notify;

import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.store.PgDeliveries;
import io.loyaltybridge.store.PgNotifyProfiles;
import io.loyaltybridge.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drains one channel's delivery queue: leases due rows (committed, so another instance skips them), sends each
 * outside any transaction, then settles it: delivered, or due again after a doubling backoff, or failed for good
 * after the last attempt. A marketing event whose member withdrew consent meanwhile is suppressed, not sent.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    /** How the queue is worked. */
    public record Policy(int batchSize, Duration lease, Duration retryBase, int maxAttempts) {
    }

    private final Transactions tx;
    private final PgDeliveries deliveries;
    private final PgNotifyProfiles profiles;
    private final Templates templates;
    private final Policy policy;
    private final Clock clock;

    public Dispatcher(Transactions tx, PgDeliveries deliveries, PgNotifyProfiles profiles, Templates templates,
                      Policy policy, Clock clock) {
        this.tx = tx;
        this.deliveries = deliveries;
        this.profiles = profiles;
        this.templates = templates;
        this.policy = policy;
        this.clock = clock;
    }

    /** Sends what is due on the channel, batch after batch; returns how many were delivered. */
    public int drain(Channel channel) {
        int delivered = 0;
        while (true) {
            List<PgDeliveries.Due> due = tx.inTransaction(() -> deliveries.lease(channel.name(), policy.batchSize(),
                    clock.instant(), policy.lease()));
            for (PgDeliveries.Due delivery : due) {
                delivered += deliver(channel, delivery) ? 1 : 0;
            }
            if (due.size() < policy.batchSize() || Thread.currentThread().isInterrupted()) {
                return delivered;
            }
        }
    }

    private boolean deliver(Channel channel, PgDeliveries.Due due) {
        EventType type = EventType.fromWire(due.eventType());
        if (type.marketing() && !due.marketingConsent()) {
            tx.inTransaction(() -> {
                deliveries.suppressed(due.id());
                return null;
            });
            return false;
        }
        try {
            Integer status = channel.send(notification(type, due));
            tx.inTransaction(() -> {
                deliveries.delivered(due.id(), status, clock.instant());
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            Channel.DeliveryFailure failure = e instanceof Channel.DeliveryFailure f ? f
                    : new Channel.DeliveryFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), false, null);
            Instant retryAt = failure.permanent() || due.attempts() >= policy.maxAttempts() ? null
                    : clock.instant().plus(backoff(due.attempts()));
            // What a peer quotes back may hold personal data: it goes to the delivery log, and to DEBUG only.
            LOG.warn("Notification delivery {} ({} of event {}) failed at attempt {} (status {}){}", due.id(),
                    channel.name(), due.eventId(), due.attempts(), failure.status(),
                    retryAt == null ? "; giving up" : "; retrying");
            LOG.debug("Notification delivery {} failed: {}", due.id(), failure.getMessage());
            tx.inTransaction(() -> {
                deliveries.failed(due.id(), clip(failure.getMessage()), failure.status(), retryAt);
                return null;
            });
            return false;
        }
    }

    Duration backoff(int attempts) {
        Duration wait = policy.retryBase().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Notification notification(EventType type, PgDeliveries.Due due) {
        Optional<PgNotifyProfiles.Profile> profile = tx.read(() -> profiles.of(due.memberId()));
        Map<String, String> values = new HashMap<>(profile.map(PgNotifyProfiles.Profile::values).orElse(Map.of()));
        values.putAll(due.data());
        values.put("event_type", type.wireName());
        values.put("occurred_at", due.occurredAt().toString());
        values.put("member_id", Long.toString(due.memberId()));
        return new Notification(due.id(), due.eventId(), due.subscriptionId(), type, due.memberId(),
                due.occurredAt(), due.data(), values, profile.map(PgNotifyProfiles.Profile::crmIds).orElse(Map.of()),
                templates.render(type, values), due.attempts());
    }

    private static String clip(String message) {
        return message == null ? null : message.substring(0, Math.min(500, message.length()));
    }
}
