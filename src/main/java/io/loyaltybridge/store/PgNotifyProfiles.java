package io.loyaltybridge.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What templates and CRM channels need about a member at delivery time: profile values and CRM record ids. */
public final class PgNotifyProfiles {
    /** Template values by placeholder name, and the member's record id per CRM. */
    public record Profile(Map<String, String> values, Map<String, String> crmIds) {
    }

    private final Sql sql;
    private final String lowestTier;

    public PgNotifyProfiles(Transactions transactions, String lowestTier) {
        this.sql = new Sql(transactions);
        this.lowestTier = lowestTier;
    }

    public Optional<Profile> of(long memberId) {
        return sql.one("SELECT m.first_name, m.last_name, coalesce(b.available, 0) AS points,"
                        + " coalesce(b.lifetime, 0) AS lifetime, t.tier FROM members m"
                        + " LEFT JOIN member_balances b ON b.member_id = m.id AND b.account = 'points'"
                        + " LEFT JOIN member_tiers t ON t.member_id = m.id WHERE m.id = ?",
                row -> {
                    Map<String, String> values = new HashMap<>();
                    values.put("member_id", Long.toString(memberId));
                    values.put("first_name", text(row.getString("first_name")));
                    values.put("last_name", text(row.getString("last_name")));
                    values.put("points_balance", Long.toString(row.getLong("points")));
                    values.put("lifetime_points", Long.toString(row.getLong("lifetime")));
                    String tier = row.getString("tier");
                    values.put("tier", tier == null ? lowestTier : tier);
                    return new Profile(values, crmIds(memberId));
                }, memberId);
    }

    private Map<String, String> crmIds(long memberId) {
        Map<String, String> ids = new HashMap<>();
        sql.list("SELECT system, external_id FROM member_identities WHERE member_id = ? ORDER BY external_id",
                row -> ids.putIfAbsent(row.getString(1), row.getString(2)), memberId);
        return ids;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
