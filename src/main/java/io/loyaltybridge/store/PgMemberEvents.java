package io.loyaltybridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.domain.notify.MemberEvent;
import io.loyaltybridge.domain.notify.MemberEvents;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records member events and, in the same statement sequence (so in the caller's transaction), one delivery per
 * enabled channel: per CRM channel holding a record of the member, and per active webhook subscription whose
 * filter takes the event type. A
 * marketing event of a member without marketing consent keeps its deliveries, marked suppressed.
 */
public final class PgMemberEvents implements MemberEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] MARKETING = Arrays.stream(EventType.values()).filter(EventType::marketing)
            .map(EventType::wireName).toArray(String[]::new);
    private final Sql sql;
    private final Set<String> crmChannels;
    private final boolean webhooks;

    /** {@code crmChannels}: salesforce and/or hubspot, those switched on; {@code webhooks}: webhook delivery on. */
    public PgMemberEvents(Transactions transactions, Set<String> crmChannels, boolean webhooks) {
        this.sql = new Sql(transactions);
        this.crmChannels = Set.copyOf(crmChannels);
        this.webhooks = webhooks;
    }

    @Override
    public boolean record(MemberEvent event) {
        Long id = sql.one("INSERT INTO member_events (member_id, event_type, cause_key, data, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (cause_key) DO NOTHING RETURNING id",
                row -> row.getLong(1), event.member().value(), event.type().wireName(), event.causeKey(),
                new Sql.Json(json(event)), event.occurredAt()).orElse(null);
        if (id == null) {
            return false;
        }
        if (crmChannels.isEmpty() && !webhooks) {
            return true;
        }
        deliver(Sql.longArray(new long[]{id}));
        return true;
    }

    /**
     * Every delivery of the events in one statement: one per CRM channel switched on whose CRM holds a record of the
     * member (the channel name is the identity's system), one per live webhook subscription taking the event's
     * type. A marketing event of a member without marketing consent keeps its deliveries, marked suppressed.
     */
    private void deliver(Sql.LongArray eventIds) {
        sql.update("INSERT INTO notification_deliveries (event_id, channel, subscription_id, status, next_attempt_at)"
                + " SELECT e.id, d.channel, d.subscription_id, CASE WHEN e.event_type = ANY (?) AND NOT"
                + " m.marketing_consent THEN 'suppressed' ELSE 'pending' END, e.occurred_at"
                + " FROM member_events e JOIN members m ON m.id = e.member_id CROSS JOIN LATERAL ("
                + " SELECT c.channel, NULL::bigint AS subscription_id FROM unnest(?::text[]) AS c(channel)"
                + " WHERE EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = e.member_id"
                + " AND i.system = c.channel)"
                + " UNION ALL SELECT 'webhook', s.id FROM webhook_subscriptions s WHERE ? AND s.deleted_at IS NULL"
                + " AND (cardinality(s.event_types) = 0 OR e.event_type = ANY (s.event_types))) d"
                + " WHERE e.id = ANY (?) ORDER BY e.id",
                new Sql.TextArray(MARKETING), new Sql.TextArray(crmChannels.toArray(String[]::new)), webhooks, eventIds);
    }

    /**
     * Records a batch of events in two statements (the events, then all their deliveries); an event whose cause was
     * recorded before, in this batch or earlier, is dropped as {@link #record} drops it.
     */
    public void recordAll(List<MemberEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Long> ids = sql.list("INSERT INTO member_events (member_id, event_type, cause_key, data, occurred_at)"
                        + " SELECT v.member_id, v.event_type, v.cause_key, v.data::jsonb, v.occurred_at::timestamptz"
                        + " FROM unnest(?, ?, ?, ?, ?) WITH ORDINALITY AS v(member_id, event_type, cause_key, data,"
                        + " occurred_at, n) ORDER BY n ON CONFLICT (cause_key) DO NOTHING RETURNING id",
                row -> row.getLong(1),
                Sql.Column.of("bigint", batch.stream().map(e -> e.member().value()).toList()),
                Sql.Column.of("text", batch.stream().map(e -> e.type().wireName()).toList()),
                Sql.Column.of("text", batch.stream().map(MemberEvent::causeKey).toList()),
                Sql.Column.of("text", batch.stream().map(PgMemberEvents::json).toList()),
                Sql.Column.of("text", batch.stream().map(e -> e.occurredAt().toString()).toList()));
        if (!ids.isEmpty() && (!crmChannels.isEmpty() || webhooks)) {
            deliver(Sql.longArray(ids.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    private static String json(MemberEvent event) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not writable as JSON", e);
        }
    }
}
