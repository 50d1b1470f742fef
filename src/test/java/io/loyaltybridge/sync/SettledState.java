package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.support.StoreFixture;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything an order batch can leave in a database, read back as sections of key → value text with database ids
 * replaced by what they stand for (a member by its CRM contact id, an order by its CRM order id), so two databases
 * that settled the same histories, possibly in a different row order, compare equal exactly when they agree.
 */
final class SettledState {
    /** An order id in a key ({@code order:17:}) or in event data ({@code "orderId": 17}). */
    private static final Pattern ORDER_ID = Pattern.compile("((?:order:|\"orderId\": ?\"?))(\\d+)");
    /** A member id as a key's segment of digits alone: {@code badge:4:first-order} (order ids are replaced first). */
    private static final Pattern MEMBER_SEGMENT = Pattern.compile("(^|:)(\\d+)(?=:|$)");
    /** A member id in event data. */
    private static final Pattern MEMBER_FIELD =
            Pattern.compile("(\"(?:memberId|member|referrer|referee|[a-z_]*member_id)\": ?\"?)(\\d+)");

    /** Section name → key → the row's other columns joined by {@value #SEPARATOR}. */
    final Map<String, TreeMap<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> members = new HashMap<>();
    private final Map<String, String> orders = new HashMap<>();

    private static final String SEPARATOR = " | ";

    private SettledState() {
    }

    /** The rows of a section, each as its key followed by its columns. */
    List<String[]> rows(String section) {
        return sections.get(section).entrySet().stream()
                .map(e -> (e.getKey() + SEPARATOR + e.getValue()).split(Pattern.quote(SEPARATOR), -1)).toList();
    }

    static SettledState read(StoreFixture store, FieldMap fields) {
        SettledState state = new SettledState();
        DataSource db = store.database.dataSource();
        rows(db, "SELECT member_id, external_id FROM member_identities").forEach(r -> state.members.put(r[0], r[1]));
        rows(db, "SELECT id, external_id FROM orders").forEach(r -> state.orders.put(r[0], r[1]));
        state.section(db, "ledger entry", "SELECT operation_key, member_id, account, points, kind, order_id,"
                + " source_system, source_id, effective_at FROM ledger_entries", 1);
        state.section(db, "balance", "SELECT member_id || '/' || account, available, lifetime FROM member_balances");
        state.section(db, "order", "SELECT external_id, member_id, total, currency, status, refunded_amount, revision,"
                + " earned_points, earn_campaigns, earn_context, points_available_at, source_modified_at, lines"
                + " FROM orders", 1);
        state.section(db, "tier", "SELECT member_id, tier, held_since, below_since FROM member_tiers");
        state.section(db, "campaign points", "SELECT member_id || '/' || campaign_id, points"
                + " FROM member_campaign_points");
        state.section(db, "badge", "SELECT member_id || '/' || badge_id, granted_at FROM member_badges");
        state.section(db, "referral", "SELECT referee_id, referrer_id, completed_at FROM referrals", 1);
        state.section(db, "member event", "SELECT cause_key, member_id, event_type, data, occurred_at"
                + " FROM member_events", 1);
        state.section(db, "dead letter", "SELECT system || '/' || record_type || '/' || record_id || '/' || status,"
                + " error_code, waiting_for, replay_count FROM dead_letters");
        state.section(db, "sync source", "SELECT system || '/' || object, watermark, records_in FROM sync_sources");
        state.outbox(store, fields);
        return state;
    }

    /** Which members wait to be pushed, each with the field values a push would send them. */
    private void outbox(StoreFixture store, FieldMap fields) {
        List<MemberId> queued = rows(store.database.dataSource(), "SELECT member_id FROM crm_outbox").stream()
                .map(r -> new MemberId(Long.parseLong(r[0]))).toList();
        Map<MemberId, LoyaltyProfile> profiles = store.transactions.read(() -> store.core.profiles().of(queued));
        TreeMap<String, String> section = new TreeMap<>();
        for (MemberId member : queued) {
            LoyaltyProfile profile = profiles.get(member);
            section.put(members.getOrDefault(Long.toString(member.value()), "member " + member.value()),
                    profile == null ? "no profile" : fields.valuesOf(profile).toString());
        }
        sections.put("crm outbox", section);
    }

    /**
     * One section from a query whose first column is the key and the rest the value; the columns numbered in
     * {@code memberColumns} (0-based) hold member ids, and any column may hold order ids in key form.
     */
    private void section(DataSource db, String name, String sql, int... memberColumns) {
        TreeMap<String, String> section = new TreeMap<>();
        for (String[] row : rows(db, sql)) {
            for (int column : memberColumns) {
                row[column] = row[column] == null ? null : members.getOrDefault(row[column], "member " + row[column]);
            }
            if (name.equals("ledger entry")) {
                row[5] = row[5] == null ? null : orders.getOrDefault(row[5], "order " + row[5]);
                // A referral bonus names the member whose order completed the referral.
                row[7] = "referral".equals(row[6]) ? members.getOrDefault(row[7], row[7]) : row[7];
            }
            if (name.equals("balance") || name.equals("tier") || name.equals("campaign points")
                    || name.equals("badge") || name.equals("referral")) {
                row[0] = memberKey(row[0]);
                if (name.equals("referral")) {
                    row[1] = members.getOrDefault(row[1], row[1]);
                }
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i < row.length; i++) {
                values.add(normalize(row[i], MEMBER_FIELD));
            }
            String key = normalize(row[0], MEMBER_SEGMENT);
            String value = String.join(SEPARATOR, values);
            String clash = section.put(key, value);
            if (clash != null) {
                section.put(key + " #" + section.size(), value);
            }
        }
        sections.put(name, section);
    }

    /** A key that starts with a member id ({@code 12/points}) starts with that member's contact id instead. */
    private String memberKey(String key) {
        int slash = key.indexOf('/');
        String id = slash < 0 ? key : key.substring(0, slash);
        return members.getOrDefault(id, "member " + id) + (slash < 0 ? "" : key.substring(slash));
    }

    private String normalize(String text, Pattern memberId) {
        return text == null ? null : replace(memberId, replace(ORDER_ID, text, orders), members);
    }

    private static String replace(Pattern pattern, String text, Map<String, String> ids) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ids.getOrDefault(m.group(2),
                    "#" + m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String[]> rows(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read: " + sql, e);
        }
    }
}
