package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the database holds about one member, section by section, for a data export (GDPR access request).
 * Each section is one query whose rows PostgreSQL turns into JSON itself, so an export costs one statement per
 * section whatever the member's history. A new table about members adds one {@link Section} to {@link #SECTIONS}
 * (PrivacyApiTest fails while a table with a member column has none).
 */
public final class PgExport {
    /** A named query over the member's rows; every {@code ?} is bound to the member's id. */
    public record Section(String name, String query) {
    }

    /** Dead letters are about a member by CRM record, by an order waiting for one, or by email in the payload. */
    private static final String DEAD_LETTERS = "SELECT d.id, d.system, d.direction, d.record_type, d.record_id,"
            + " d.payload, d.error_code, d.error, d.status, d.created_at, d.replayed_at FROM dead_letters d"
            + " WHERE EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = ? AND d.system = i.system"
            + " AND ((d.record_type = 'contact' AND d.record_id = i.external_id)"
            + " OR d.waiting_for = i.system || ':contact:' || i.external_id"
            + " OR d.payload ->> 'contactExternalId' = i.external_id))"
            + " OR lower(d.payload ->> 'email') = (SELECT lower(email) FROM members WHERE id = ?) ORDER BY d.id";

    public static final List<Section> SECTIONS = List.of(
            new Section("identities", "SELECT system, external_id, deleted, source_modified_at FROM member_identities"
                    + " WHERE member_id = ? ORDER BY system, external_id"),
            new Section("balances", "SELECT account, available, lifetime FROM member_balances WHERE member_id = ?"
                    + " ORDER BY account"),
            new Section("orders", "SELECT id, source, external_id, total, currency, placed_at, status, refunded_amount,"
                    + " lines, revision, earn_context, earned_points, earn_campaigns, points_available_at,"
                    + " source_modified_at, updated_at FROM orders WHERE member_id = ? ORDER BY placed_at, id"),
            new Section("ledgerEntries", "SELECT id, account, points, kind, reason, source_system, source_id,"
                    + " rule_version, created_at, effective_at, operation_key, order_id FROM ledger_entries"
                    + " WHERE member_id = ? ORDER BY id"),
            new Section("tier", "SELECT tier, held_since, below_since, updated_at FROM member_tiers"
                    + " WHERE member_id = ?"),
            new Section("tierGrants", "SELECT id, tier, mode, valid_until, reason, granted_by, granted_at, ended_at,"
                    + " ended_by, end_reason FROM tier_grants WHERE member_id = ? ORDER BY id"),
            new Section("segments", "SELECT recency, frequency, monetary, rfm_segment, segments, churn_risk,"
                    + " preferred_category, cltv_historic, cltv_predicted, computed_at FROM member_segments"
                    + " WHERE member_id = ?"),
            new Section("campaignPoints", "SELECT campaign_id, points FROM member_campaign_points WHERE member_id = ?"
                    + " ORDER BY campaign_id"),
            new Section("badges", "SELECT badge_id, granted_at FROM member_badges WHERE member_id = ? ORDER BY badge_id"),
            new Section("referrals", "SELECT referee_id, referrer_id, created_at, completed_at FROM referrals"
                    + " WHERE referee_id = ? OR referrer_id = ? ORDER BY created_at, referee_id"),
            new Section("crmFieldState", "SELECT f.system, f.external_id, f.fields, f.acknowledged_at"
                    + " FROM crm_field_state f JOIN member_identities i ON i.system = f.system"
                    + " AND i.external_id = f.external_id WHERE i.member_id = ? ORDER BY f.system, f.external_id"),
            new Section("crmOutbox", "SELECT system, version, enqueued_at, attempts FROM crm_outbox WHERE member_id = ?"
                    + " ORDER BY system"),
            new Section("deadLetters", DEAD_LETTERS),
            new Section("auditLog", "SELECT id, at, actor, action, target, details FROM audit_log WHERE member_id = ?"
                    + " ORDER BY id"),
            new Section("events", "SELECT id, event_type, cause_key, data, occurred_at FROM member_events"
                    + " WHERE member_id = ? ORDER BY id"),
            new Section("notifications", "SELECT d.id, d.event_id, d.channel, d.subscription_id, d.status, d.attempts,"
                    + " d.delivered_at FROM notification_deliveries d JOIN member_events e ON e.id = d.event_id"
                    + " WHERE e.member_id = ? ORDER BY d.id"),
            new Section("consentHistory", "SELECT marketing, source, recorded_at FROM consent_history"
                    + " WHERE member_id = ? ORDER BY id"),
            new Section("downgradeRisk", "SELECT risk, changed_on FROM member_downgrade_risk WHERE member_id = ?"),
            new Section("feedback", "SELECT id, source_system, external_id, survey_id, survey_name, survey_type, score,"
                    + " sentiment, comment, submitted_at, updated_at FROM feedback_answers WHERE member_id = ?"
                    + " ORDER BY submitted_at, id"),
            new Section("contestPrizes", "SELECT contest, rank, value, points, badge, granted_at FROM contest_prizes"
                    + " WHERE member_id = ? ORDER BY granted_at, contest"));

    private final Sql sql;
    private final List<Section> sections;

    public PgExport(Transactions transactions) {
        this(transactions, SECTIONS);
    }

    public PgExport(Transactions transactions, List<Section> sections) {
        this.sql = new Sql(transactions);
        this.sections = List.copyOf(sections);
    }

    /**
     * The member row ({@code profile}) and each section as JSON text, read in one snapshot so the sections agree
     * with each other; empty when there is no such member. Must be the first work of its transaction.
     */
    public Optional<Map<String, String>> export(MemberId member) {
        sql.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        Optional<String> profile = sql.one("SELECT row_to_json(m)::text FROM (SELECT id, email, first_name, last_name,"
                + " birth_date, marketing_consent, created_at, erased_at FROM members WHERE id = ?) m",
                row -> row.getString(1), member.value());
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("profile", profile.get());
        for (Section section : sections) {
            Object[] ids = new Object[(int) section.query().chars().filter(c -> c == '?').count()];
            java.util.Arrays.fill(ids, member.value());
            out.put(section.name(), sql.one("SELECT coalesce(json_agg(s), '[]'::json)::text FROM (" + section.query()
                    + ") s", row -> row.getString(1), ids).orElseThrow());
        }
        return Optional.of(out);
    }
}
