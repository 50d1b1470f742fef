package io.loyaltybridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit log of administrative actions. Writers call {@link #record} inside the transaction of the action, so
 * the entry commits (or rolls back) with it. Details hold ids and amounts, never personal data: the log outlives
 * an erasure.
 */
public final class PgAudit {
    /** One entry: who did what to which target, when. */
    public record Entry(long id, Instant at, String actor, String action, String target, Long memberId,
                        String details) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Sql sql;

    public PgAudit(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public void record(String actor, String action, String target, MemberId member, Map<String, ?> details) {
        String json;
        try {
            json = MAPPER.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
        sql.update("INSERT INTO audit_log (at, actor, action, target, member_id, details) VALUES (now(), ?, ?, ?, ?, ?)",
                actor, action, target, member == null ? null : member.value(), new Sql.Json(json));
    }

    /** Newest first, optionally about one member, entries with ids below {@code before} (null: from the newest). */
    public List<Entry> page(MemberId member, Long before, int limit) {
        return sql.list("SELECT id, at, actor, action, target, member_id, details::text AS details FROM audit_log"
                        + " WHERE (?::bigint IS NULL OR member_id = ?) AND (?::bigint IS NULL OR id < ?)"
                        + " ORDER BY id DESC LIMIT ?",
                row -> new Entry(row.getLong("id"), Sql.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), row.getString("target"),
                        row.getObject("member_id") == null ? null : row.getLong("member_id"), row.getString("details")),
                member == null ? null : member.value(), member == null ? null : member.value(), before, before, limit);
    }
}
