package io.loyaltybridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.loyaltybridge.domain.notify.MemberEvent;
import io.loyaltybridge.domain.notify.MemberEvents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Records member events and, in the same statement sequence (so in the caller's transaction), one delivery per
 * enabled channel: per CRM channel holding a record of the member, and per active webhook subscription whose
 * filter takes the event type. A
 * marketing event of a member without marketing consent keeps its deliveries, marked suppressed.
 */
public final class PgMemberEvents implements MemberEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Events written before the table's statistics are first refreshed (see {@link #keepStatisticsCurrent}). */
    static final long ANALYZE_AFTER = 1_000;
    private final Sql sql;
    /** Events this process wrote since it last analyzed member_events, and how many rows that analysis found. */
    private final java.util.concurrent.atomic.AtomicLong sinceAnalyze = new java.util.concurrent.atomic.AtomicLong();
    private volatile long analyzedRows;
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
        queueDeliveries(event.type().marketing(), List.of(new Recorded(id, event)));
        return true;
    }

    /** The batch's new events in one statement, then their deliveries in one statement per kind of consent rule. */
    @Override
    public int recordAll(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ArrayNode rows = MAPPER.createArrayNode();
        for (MemberEvent event : events) {
            rows.addObject().put("member_id", event.member().value()).put("event_type", event.type().wireName())
                    .put("cause_key", event.causeKey()).put("data", json(event))
                    .put("occurred_at", event.occurredAt().toString());
        }
        Map<String, Long> ids = new HashMap<>();
        sql.list("INSERT INTO member_events (member_id, event_type, cause_key, data, occurred_at)"
                        + " SELECT x.member_id, x.event_type, x.cause_key, x.data::jsonb, x.occurred_at"
                        + " FROM jsonb_to_recordset(?::jsonb) AS x(member_id bigint, event_type text, cause_key text,"
                        + "      data text, occurred_at timestamptz) ORDER BY x.cause_key"
                        + " ON CONFLICT (cause_key) DO NOTHING RETURNING id, cause_key",
                row -> ids.put(row.getString(2), row.getLong(1)), new Sql.Json(rows.toString()));
        keepStatisticsCurrent(ids.size());
        if (!crmChannels.isEmpty() || webhooks) {
            events.stream().filter(e -> ids.containsKey(e.causeKey()))
                    .map(e -> new Recorded(ids.get(e.causeKey()), e))
                    .collect(Collectors.groupingBy(r -> r.event().type().marketing()))
                    .forEach(this::queueDeliveries);
        }
        return ids.size();
    }

    /**
     * Analyzes member_events each time this process has written as many events as it last found there (so about
     * each time the table doubles), from {@link #ANALYZE_AFTER} events on.
     * Every delivery row checks its event exists (the foreign key), with a plan each connection keeps; made while
     * the table's statistics say it is empty (a database analyzed before its first events, as after a restore or a
     * bulk load), that plan scans the table for each delivery, so a job writing thousands of events (the first
     * segments run: a win-back event per member at risk) slowed down with every batch (46 s instead of 10 s at
     * 100 000 members). Analyzing invalidates the plans; the next ones look rows up by key. A few analyses of one
     * table per doubling, in the writer's transaction (it only blocks another analysis of the same table).
     */
    private void keepStatisticsCurrent(int written) {
        long since = sinceAnalyze.addAndGet(written);
        if (since >= Math.max(ANALYZE_AFTER, analyzedRows)) {
            sinceAnalyze.addAndGet(-since);
            sql.update("ANALYZE member_events");
            analyzedRows = sql.one("SELECT reltuples::bigint FROM pg_class WHERE oid = 'member_events'::regclass",
                    row -> row.getLong(1)).orElse(0L);
        }
    }

    /** An event as written, with its id. */
    private record Recorded(long id, MemberEvent event) {
    }

    private void queueDeliveries(boolean marketing, List<Recorded> recorded) {
        String status = marketing ? "CASE WHEN m.marketing_consent THEN 'pending' ELSE 'suppressed' END" : "'pending'";
        // Every delivery of the events in one statement (this runs for each order settled): one per CRM channel
        // switched on whose CRM holds a record of the member (the channel name is the identity's system), one per
        // live webhook subscription taking this event type.
        sql.update("INSERT INTO notification_deliveries (event_id, channel, subscription_id, status, next_attempt_at)"
                + " SELECT e.id, d.channel, d.subscription_id, " + status + ", e.occurred_at"
                // The events come as parameters rather than read back from member_events: a job writes thousands
                // of them into a table whose statistics lag behind, and reading them back then scanned it.
                + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::timestamptz[])"
                + "      AS e(id, member_id, event_type, occurred_at)"
                + " JOIN members m ON m.id = e.member_id CROSS JOIN LATERAL ("
                + " SELECT c.channel, NULL::bigint AS subscription_id FROM unnest(?::text[]) AS c(channel)"
                + " WHERE EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = e.member_id"
                + " AND i.system = c.channel)"
                + " UNION ALL SELECT 'webhook', s.id FROM webhook_subscriptions s WHERE ? AND s.deleted_at IS NULL"
                + " AND (cardinality(s.event_types) = 0 OR e.event_type = ANY (s.event_types))) d ORDER BY e.id",
                Sql.longArray(recorded.stream().mapToLong(Recorded::id).toArray()),
                Sql.longArray(recorded.stream().mapToLong(r -> r.event().member().value()).toArray()),
                new Sql.TextArray(recorded.stream().map(r -> r.event().type().wireName()).toArray(String[]::new)),
                new Sql.TextArray(recorded.stream().map(r -> r.event().occurredAt().toString()).toArray(String[]::new)),
                new Sql.TextArray(crmChannels.toArray(String[]::new)), webhooks);
    }

    private static String json(MemberEvent event) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not writable as JSON", e);
        }
    }
}
