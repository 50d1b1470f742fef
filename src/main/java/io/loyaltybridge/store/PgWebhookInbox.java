package io.loyaltybridge.store;

import java.time.Instant;
import java.util.List;

/**
 * The webhook inbox (table webhook_inbox): events stored as they are accepted, then leased, applied and settled by
 * any instance. Times come from the database's clock, the one clock every instance shares. Events of one object are
 * leased in arrival order: an event is only taken when no earlier event of its object is still pending outside the
 * same lease (an older deletion must not land before a restore that arrived first). Privacy deletions are taken
 * first and are never blocked.
 */
public final class PgWebhookInbox {
    /** One event to store; {@code event} is its JSON text. */
    public record Incoming(String eventKey, String objectKey, boolean erasure, String event) {
    }

    /** A leased event; {@code attempts} counts this one. */
    public record Leased(long id, String objectKey, boolean erasure, String event, int attempts) {
    }

    /** Events waiting to be applied (leased or not), the oldest one's arrival, and those that failed at least once. */
    public record Depth(long pending, Instant oldest, long retrying) {
    }

    private final Sql sql;

    public PgWebhookInbox(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Stores the events not stored before (by key), in the given order; returns how many were new. */
    public int add(List<Incoming> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return sql.update("INSERT INTO webhook_inbox (event_key, object_key, erasure, event, status)"
                        + " SELECT k, o, e::boolean, j, 'pending'"
                        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS t(k, o, e, j, n)"
                        + " ORDER BY n ON CONFLICT (event_key) DO NOTHING",
                texts(events.stream().map(Incoming::eventKey).toList()),
                texts(events.stream().map(Incoming::objectKey).toList()),
                texts(events.stream().map(e -> Boolean.toString(e.erasure())).toList()),
                texts(events.stream().map(Incoming::event).toList()));
    }

    /**
     * Leases up to {@code limit} due events, erasures first, then by arrival, for {@code leaseSeconds}; events
     * younger than {@code holdMillis} wait. Call in a transaction of its own, so the lease is committed at once.
     */
    public List<Leased> lease(int limit, int leaseSeconds, long holdMillis) {
        return sql.list("WITH due AS (SELECT w.id, w.object_key, w.erasure FROM webhook_inbox w"
                        + " WHERE w.status = 'pending'"
                        + " AND w.next_attempt_at <= now() AND (w.leased_until IS NULL OR w.leased_until < now())"
                        + " AND w.received_at <= now() - make_interval(secs => ?::double precision / 1000)"
                        + " AND (w.erasure OR NOT EXISTS (SELECT 1 FROM webhook_inbox o WHERE o.status = 'pending'"
                        + " AND o.object_key = w.object_key AND o.id < w.id AND (o.next_attempt_at > now()"
                        + " OR o.leased_until >= now())))"
                        + " ORDER BY w.erasure DESC, w.id LIMIT ? FOR UPDATE SKIP LOCKED),"
                        // An earlier event of the object that this lease did not get (locked, or past the limit)
                        // holds the later ones back until the next pass.
                        + " picked AS (SELECT d.id FROM due d WHERE d.erasure"
                        + " OR NOT EXISTS (SELECT 1 FROM webhook_inbox o WHERE o.status = 'pending'"
                        + " AND o.object_key = d.object_key AND o.id < d.id AND o.id NOT IN (SELECT id FROM due))),"
                        + " leased AS (UPDATE webhook_inbox w SET leased_until = now()"
                        + " + make_interval(secs => ?::double precision), attempts = w.attempts + 1 FROM picked"
                        + " WHERE w.id = picked.id RETURNING w.id, w.object_key, w.erasure, w.event, w.attempts)"
                        + " SELECT * FROM leased ORDER BY erasure DESC, id",
                row -> new Leased(row.getLong("id"), row.getString("object_key"), row.getBoolean("erasure"),
                        row.getString("event"), row.getInt("attempts")),
                holdMillis, limit, leaseSeconds);
    }

    /** Applied: the key stays (repeats are still dropped), the event's content goes. */
    public void done(List<Long> ids) {
        sql.update("UPDATE webhook_inbox SET status = 'done', done_at = now(), leased_until = NULL, last_error = NULL,"
                + " event = NULL WHERE id = ANY (?) AND status = 'pending'", Sql.longArray(ids(ids)));
    }

    /** Not applied this time: due again in {@code waitMillis}. */
    public void retry(List<Long> ids, long waitMillis, String error) {
        sql.update("UPDATE webhook_inbox SET leased_until = NULL, last_error = ?,"
                        + " next_attempt_at = now() + make_interval(secs => ?::double precision / 1000)"
                        + " WHERE id = ANY (?) AND status = 'pending'",
                error == null ? null : error.substring(0, Math.min(500, error.length())), waitMillis,
                Sql.longArray(ids(ids)));
    }

    /** Due events nobody holds: how many records they touch (counted up to a cap) and the oldest one's wait. */
    public record Waiting(long records, long oldestMillis) {
    }

    /**
     * What a drain would find now, for deciding whether to take it or let more join (see WebhookDrain): the records
     * (object keys) of due, unleased events, counted up to {@code cap}, and how long the oldest of them has waited.
     */
    public Waiting waiting(int cap) {
        return sql.one("SELECT count(*) AS records, coalesce(max(waited), 0) AS oldest FROM (SELECT object_key,"
                        + " (extract(epoch FROM now() - min(received_at)) * 1000)::bigint AS waited"
                        + " FROM webhook_inbox WHERE status = 'pending' AND next_attempt_at <= now()"
                        + " AND (leased_until IS NULL OR leased_until < now()) GROUP BY object_key LIMIT ?) k",
                row -> new Waiting(row.getLong("records"), row.getLong("oldest")), cap).orElseThrow();
    }

    public Depth depth() {
        return sql.one("SELECT count(*) AS pending, min(received_at) AS oldest, count(*) FILTER (WHERE attempts > 0"
                        + " AND last_error IS NOT NULL) AS retrying FROM webhook_inbox WHERE status = 'pending'",
                row -> new Depth(row.getLong("pending"), Sql.instant(row, "oldest"), row.getLong("retrying")))
                .orElseThrow();
    }

    /** Forgets the keys of events applied more than {@code days} ago (HubSpot stops retrying after a day). */
    public int forget(int days) {
        return sql.update("DELETE FROM webhook_inbox WHERE status = 'done'"
                + " AND done_at < now() - make_interval(days => ?)", days);
    }

    private static Sql.TextArray texts(List<String> values) {
        return new Sql.TextArray(values.toArray(String[]::new));
    }

    private static long[] ids(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
