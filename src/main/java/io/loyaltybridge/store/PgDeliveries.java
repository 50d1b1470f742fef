package io.loyaltybridge.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The per-channel delivery queue. A sender leases due rows (SKIP LOCKED, so instances never take the same row),
 * sends, then marks each delivered or failed; a lease that is never settled (the process died while sending)
 * expires and the row is due again.
 */
public final class PgDeliveries {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_COLUMNS = "e.member_id, e.event_type, e.cause_key, e.data::text AS data,"
            + " e.occurred_at, (SELECT marketing_consent FROM members m WHERE m.id = e.member_id) AS consent";

    /** A delivery with its event. */
    public record Due(long id, long eventId, String channel, Long subscriptionId, int attempts, long memberId,
                      String eventType, String causeKey, Map<String, String> data, Instant occurredAt,
                      boolean marketingConsent) {
    }

    /** A delivery as the API lists it. */
    public record Logged(long id, long eventId, String channel, Long subscriptionId, String status, int attempts,
                         Instant nextAttemptAt, String lastError, Integer responseStatus, Instant deliveredAt,
                         long memberId, String eventType) {
    }

    private final Sql sql;

    public PgDeliveries(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public List<Due> lease(String channel, int limit, Instant now, Duration lease) {
        return sql.list("WITH picked AS (SELECT id FROM notification_deliveries WHERE channel = ? AND status = 'pending'"
                        + " AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until < ?) ORDER BY id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED),"
                        + " leased AS (UPDATE notification_deliveries d SET leased_until = ?, attempts = d.attempts + 1"
                        + " FROM picked WHERE d.id = picked.id RETURNING d.*)"
                        + " SELECT l.id, l.event_id, l.channel, l.subscription_id, l.attempts, " + EVENT_COLUMNS
                        + " FROM leased l JOIN member_events e ON e.id = l.event_id ORDER BY l.id",
                PgDeliveries::due, channel, now, now, limit, now.plus(lease));
    }

    public void delivered(long id, Integer responseStatus, Instant at) {
        sql.update("UPDATE notification_deliveries SET status = 'delivered', delivered_at = ?, leased_until = NULL,"
                + " response_status = ?, last_error = NULL WHERE id = ? AND status = 'pending'", at, responseStatus, id);
    }

    /** Not to be sent: the member withdrew marketing consent after the event was recorded. */
    public void suppressed(long id) {
        sql.update("UPDATE notification_deliveries SET status = 'suppressed', leased_until = NULL WHERE id = ?"
                + " AND status = 'pending'", id);
    }

    /** Due again at {@code retryAt}, or failed for good when {@code retryAt} is null. */
    public void failed(long id, String error, Integer responseStatus, Instant retryAt) {
        sql.update("UPDATE notification_deliveries SET status = ?, next_attempt_at = coalesce(?, next_attempt_at),"
                        + " leased_until = NULL, last_error = ?, response_status = ? WHERE id = ? AND status = 'pending'",
                retryAt == null ? "failed" : "pending", retryAt, error, responseStatus, id);
    }

    /** Newest first; filters may be null. */
    public List<Logged> list(String channel, Long subscriptionId, String status, int limit) {
        return sql.list("SELECT d.*, e.member_id, e.event_type FROM notification_deliveries d"
                        + " JOIN member_events e ON e.id = d.event_id WHERE (?::text IS NULL OR d.channel = ?)"
                        + " AND (?::bigint IS NULL OR d.subscription_id = ?) AND (?::text IS NULL OR d.status = ?)"
                        + " ORDER BY d.id DESC LIMIT ?",
                row -> new Logged(row.getLong("id"), row.getLong("event_id"), row.getString("channel"),
                        (Long) row.getObject("subscription_id"), row.getString("status"), row.getInt("attempts"),
                        Sql.instant(row, "next_attempt_at"), row.getString("last_error"),
                        (Integer) row.getObject("response_status"), Sql.instant(row, "delivered_at"),
                        row.getLong("member_id"), row.getString("event_type")),
                channel, channel, subscriptionId, subscriptionId, status, status, limit);
    }

    private static Due due(ResultSet row) throws SQLException {
        return new Due(row.getLong("id"), row.getLong("event_id"), row.getString("channel"),
                (Long) row.getObject("subscription_id"), row.getInt("attempts"), row.getLong("member_id"),
                row.getString("event_type"), row.getString("cause_key"), data(row.getString("data")),
                Sql.instant(row, "occurred_at"), row.getBoolean("consent"));
    }

    private static Map<String, String> data(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new StoreException("event data is not a JSON object of texts", e);
        }
    }
}
