package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.segments.MemberFigures;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The recompute's one pass over members and orders: one statement, its rows streamed a page at a time. PostgreSQL
 * summarises each member's orders (grouping, not a query per member) and ranks members on each RFM measure with
 * window functions (rank() - 1 is how many members have a strictly lower value, ties alike); the scoring rules
 * stay in the domain. Orders count as {@link io.loyaltybridge.domain.program.earning.OrderFact} counts them: kept money in
 * program units ({@link ProgramMoney}) above 0, placed by today in the program's zone; category spend is each
 * line's amount scaled by the kept share of its order.
 */
final class PgSegmentScan {
    private static final int PAGE = 1000;
    private final Transactions transactions;
    private final String zone;
    private final String query;

    PgSegmentScan(Transactions transactions, Program program) {
        this.transactions = transactions;
        this.zone = program.zone().getId();
        this.query = query(ProgramMoney.keptSql(program));
    }

    void scan(LocalDate today, Consumer<MemberFigures> each) {
        Connection connection = transactions.connection();
        try (Statement settings = connection.createStatement()) {
            // The per-member groups of a million orders sort in memory rather than in temporary files.
            settings.execute("SET LOCAL work_mem = '64MB'");
        } catch (SQLException e) {
            throw new StoreException("could not set the recompute's work memory", e);
        }
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setFetchSize(PAGE); // a cursor: the driver holds one page of rows, not the population
            statement.setString(1, zone);
            statement.setObject(2, today);
            statement.setString(3, zone);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(figures(rows));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the members' figures for the recompute: " + e.getMessage(), e);
        }
    }

    private static MemberFigures figures(ResultSet row) throws SQLException {
        int orders = row.getInt("orders");
        MemberFigures.RfmRanks ranks = orders == 0 ? null : new MemberFigures.RfmRanks(row.getLong("recency_below"),
                row.getLong("frequency_below"), row.getLong("monetary_below"), row.getLong("scored"));
        BigDecimal spend = row.getBigDecimal("spend");
        return new MemberFigures(new MemberId(row.getLong("member_id")), row.getObject("joined_on", LocalDate.class),
                orders, row.getObject("first_day", LocalDate.class), row.getObject("last_day", LocalDate.class),
                spend == null ? BigDecimal.ZERO : spend, byCategory(row), row.getLong("points_balance"),
                row.getString("tier") == null ? null : PgMemberTiers.state(row), ranks,
                row.getObject("stored_member") == null ? null : PgSegmentStore.assigned(row));
    }

    private static Map<String, BigDecimal> byCategory(ResultSet row) throws SQLException {
        Array names = row.getArray("categories");
        Map<String, BigDecimal> spend = new HashMap<>();
        if (names != null) {
            String[] categories = (String[]) names.getArray();
            BigDecimal[] amounts = (BigDecimal[]) row.getArray("category_spend").getArray();
            for (int i = 0; i < categories.length; i++) {
                spend.put(categories[i], amounts[i]);
            }
        }
        return spend;
    }

    static String query(String kept) {
        // One scan of orders: each counted order yields a row for itself (category null: count, spend, days) and
        // one per categorised line (its share of the kept money); one hash aggregate groups them per member and
        // category, so the orders are neither read twice nor sorted.
        return "WITH counted AS ("
                + "  SELECT member_id, day, kept, total, lines"
                + "  FROM (SELECT member_id, (placed_at AT TIME ZONE ?)::date AS day, " + kept + " AS kept, total,"
                + "        lines FROM orders) o"
                + "  WHERE kept > 0 AND day <= ?),"
                + " grouped AS MATERIALIZED ("
                + "  SELECT c.member_id, x.category, count(*) AS orders, sum(x.amount) AS spend, min(x.day) AS first_day,"
                + "         max(x.day) AS last_day"
                + "  FROM counted c CROSS JOIN LATERAL ("
                + "    SELECT NULL::text AS category, c.kept AS amount, c.day"
                + "    UNION ALL"
                // An order fully kept in the program currency (most of them) counts its lines whole: no division.
                + "    SELECT l.line ->> 'category', CASE WHEN c.kept = c.total"
                + "           THEN (l.line ->> 'unitPrice')::numeric * (l.line ->> 'quantity')::numeric"
                + "           ELSE (l.line ->> 'unitPrice')::numeric * (l.line ->> 'quantity')::numeric * c.kept / c.total"
                + "           END, NULL"
                + "    FROM jsonb_array_elements(c.lines) AS l(line) WHERE l.line ->> 'category' IS NOT NULL) x"
                + "  GROUP BY c.member_id, x.category),"
                + " ranked AS ("
                + "  SELECT f.member_id, f.orders, f.spend, f.first_day, f.last_day,"
                + "         rank() OVER (ORDER BY last_day) - 1 AS recency_below,"
                + "         rank() OVER (ORDER BY orders) - 1 AS frequency_below,"
                + "         rank() OVER (ORDER BY spend) - 1 AS monetary_below, count(*) OVER () AS scored"
                + "  FROM grouped f WHERE f.category IS NULL),"
                + " spread AS ("
                + "  SELECT member_id, array_agg(category ORDER BY category) AS categories,"
                + "         array_agg(spend ORDER BY category) AS category_spend"
                + "  FROM grouped WHERE category IS NOT NULL GROUP BY member_id)"
                + " SELECT m.id AS member_id, (m.created_at AT TIME ZONE ?)::date AS joined_on, r.orders, r.spend,"
                + "  r.first_day, r.last_day, r.recency_below, r.frequency_below, r.monetary_below, r.scored,"
                + "  sp.categories, sp.category_spend, coalesce(b.available, 0) AS points_balance,"
                + "  t.tier, t.held_since, t.below_since, " + PgTierGrants.COLUMNS + ","
                + "  s.member_id AS stored_member, s.recency, s.frequency, s.monetary, s.rfm_segment, s.segments,"
                + "  s.churn_risk, s.preferred_category, s.cltv_historic, s.cltv_predicted"
                + " FROM members m"
                + " LEFT JOIN ranked r ON r.member_id = m.id"
                + " LEFT JOIN spread sp ON sp.member_id = m.id"
                + " LEFT JOIN member_balances b ON b.member_id = m.id AND b.account = 'points'"
                + " LEFT JOIN member_tiers t ON t.member_id = m.id"
                + " LEFT JOIN tier_grants g ON g.member_id = m.id AND g.ended_at IS NULL"
                + " LEFT JOIN member_segments s ON s.member_id = m.id"
                + " ORDER BY m.id";
    }
}
