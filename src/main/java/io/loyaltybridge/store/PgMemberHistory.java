package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the console's member page shows beyond the profile: orders a page at a time, and the member's history
 * section by section (points over time, badges, referrals, tier changes and grants, consent, notification
 * deliveries). PostgreSQL shapes each section as JSON, so a page costs one statement per section however long the
 * member's history.
 */
public final class PgMemberHistory {
    private static final String ORDERS = """
            SELECT o.id, o.source, o.external_id AS "externalId", o.total, o.currency, o.placed_at AS "placedAt",
                   o.status, o.refunded_amount AS "refundedAmount", o.lines, o.earned_points AS "earnedPoints",
                   o.points_available_at AS "pointsAvailableAt"
            FROM orders o WHERE o.member_id = ? AND (?::bigint IS NULL OR o.id < ?)
            ORDER BY o.id DESC LIMIT ?""";

    // Each day with a movement and the balances at its end: the running sums of the points and pending accounts,
    // and the points expired so far. Days are the program's (effective time in its zone).
    private static final String POINTS = """
            SELECT day, sum(available) OVER w AS available, sum(pending) OVER w AS pending,
                   sum(expired) OVER w AS expired
            FROM (SELECT (effective_at AT TIME ZONE ?)::date AS day,
                         coalesce(sum(points) FILTER (WHERE account = 'points'), 0) AS available,
                         coalesce(sum(points) FILTER (WHERE account = 'pending'), 0) AS pending,
                         coalesce(-sum(points) FILTER (WHERE account = 'points' AND kind = 'expire'), 0) AS expired
                  FROM ledger_entries WHERE member_id = ? GROUP BY 1) d
            WINDOW w AS (ORDER BY day) ORDER BY day""";

    private static final Map<String, String> SECTIONS = sections();

    private static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("badges", "SELECT badge_id AS badge, granted_at AS \"grantedAt\" FROM member_badges WHERE member_id = ?"
                + " ORDER BY granted_at DESC, badge_id");
        s.put("referredBy", "SELECT r.referrer_id AS \"memberId\", m.email, r.created_at AS \"createdAt\","
                + " r.completed_at AS \"completedAt\" FROM referrals r JOIN members m ON m.id = r.referrer_id"
                + " WHERE r.referee_id = ?");
        s.put("referred", "SELECT r.referee_id AS \"memberId\", m.email, r.created_at AS \"createdAt\","
                + " r.completed_at AS \"completedAt\" FROM referrals r JOIN members m ON m.id = r.referee_id"
                + " WHERE r.referrer_id = ? ORDER BY r.created_at DESC, r.referee_id LIMIT ?");
        s.put("tierChanges", "SELECT event_type AS direction, data ->> 'tier' AS tier, data ->> 'previous_tier'"
                + " AS \"previousTier\", occurred_at AS \"occurredAt\" FROM member_events WHERE member_id = ?"
                + " AND event_type IN ('tier_up', 'tier_down') ORDER BY id DESC LIMIT ?");
        s.put("tierGrants", "SELECT id, tier, mode, valid_until AS until, reason, granted_by AS \"grantedBy\","
                + " granted_at AS \"grantedAt\", ended_at AS \"endedAt\", ended_by AS \"endedBy\", end_reason AS"
                + " \"endReason\" FROM tier_grants WHERE member_id = ? ORDER BY id DESC LIMIT ?");
        s.put("consent", "SELECT marketing, source, recorded_at AS \"recordedAt\" FROM consent_history"
                + " WHERE member_id = ? ORDER BY id DESC LIMIT ?");
        s.put("deliveries", "SELECT d.id, e.event_type AS event, d.channel, d.status, d.attempts,"
                + " d.response_status AS \"responseStatus\", d.last_error AS \"lastError\", d.created_at AS"
                + " \"createdAt\", d.delivered_at AS \"deliveredAt\" FROM notification_deliveries d"
                + " JOIN member_events e ON e.id = d.event_id WHERE e.member_id = ? ORDER BY d.id DESC LIMIT ?");
        return java.util.Collections.unmodifiableMap(s);
    }

    private final Sql sql;

    public PgMemberHistory(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** The member's orders newest first, with ids below {@code before} (null: from the newest), as a JSON array. */
    public String orders(MemberId member, Long before, int limit) {
        return array(ORDERS, member.value(), before, before, limit);
    }

    /**
     * Each section as JSON text (the newest {@code limit} rows of the long ones), read in one snapshot; empty when
     * there is no such member. Must be the first work of its transaction.
     */
    public Optional<Map<String, String>> history(MemberId member, ZoneId zone, int limit) {
        sql.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        if (!exists(member)) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("points", array(POINTS, zone.getId(), member.value()));
        SECTIONS.forEach((name, query) -> out.put(name, query.endsWith("LIMIT ?")
                ? array(query, member.value(), limit) : array(query, member.value())));
        return Optional.of(out);
    }

    public boolean exists(MemberId member) {
        return sql.one("SELECT 1 FROM members WHERE id = ?", row -> 1, member.value()).isPresent();
    }

    private String array(String query, Object... params) {
        return sql.one("SELECT coalesce(json_agg(s), '[]'::json)::text FROM (" + query + ") s",
                row -> row.getString(1), params).orElseThrow();
    }
}
