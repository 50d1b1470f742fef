package io.loyaltybridge.store;

import io.loyaltybridge.domain.kpi.KpiQueries;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The KPIs' aggregates, one statement each, summed by PostgreSQL rather than member by member in Java. */
public final class PgKpis implements KpiQueries {
    private static final String POINTS_BY_MONTH = "SELECT to_char(effective_at AT TIME ZONE ?, 'YYYY-MM') AS month,"
            + " coalesce(sum(points) FILTER (WHERE kind IN ('earn', 'release', 'bonus')"
            + " OR (kind = 'adjust' AND points > 0)), 0) AS issued,"
            + " coalesce(-sum(points) FILTER (WHERE kind = 'redeem'), 0) AS redeemed,"
            + " coalesce(-sum(points) FILTER (WHERE kind = 'expire'), 0) AS expired"
            + " FROM ledger_entries WHERE account = 'points' AND effective_at >= ? GROUP BY 1";
    private final Sql sql;
    private final String purchasers;

    public PgKpis(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        // An order counts when the customer kept something in a currency the program counts: the same rule as
        // segments and lifetime value.
        this.purchasers = "WITH per_member AS (SELECT member_id, count(*) AS orders,"
                + " bool_or(placed_at > ? AND placed_at <= ?) AS recent,"
                + " bool_or(placed_at > ? AND placed_at <= ?) AS before"
                + " FROM orders WHERE " + ProgramMoney.keptSql(program) + " > 0 GROUP BY member_id)"
                + " SELECT count(*), count(*) FILTER (WHERE orders >= 2), count(*) FILTER (WHERE recent),"
                + " count(*) FILTER (WHERE before), count(*) FILTER (WHERE recent AND before) FROM per_member";
    }

    @Override
    public Map<String, Long> membersByTier(String lowestTier) {
        return counts("SELECT coalesce(t.tier, ?), count(*) FROM members m"
                + " LEFT JOIN member_tiers t ON t.member_id = m.id"
                + " WHERE NOT EXISTS (SELECT 1 FROM tier_grants g WHERE g.member_id = m.id AND g.ended_at IS NULL)"
                + " GROUP BY 1", lowestTier);
    }

    @Override
    public List<TierState> grantedTierStates(String lowestTier) {
        return sql.list("SELECT coalesce(t.tier, ?) AS tier, t.held_since, " + PgTierGrants.COLUMNS
                        + " FROM tier_grants g JOIN members m ON m.id = g.member_id"
                        + " LEFT JOIN member_tiers t ON t.member_id = m.id WHERE g.ended_at IS NULL",
                row -> new TierState(row.getString("tier"), row.getDate("held_since") == null ? null
                        : row.getDate("held_since").toLocalDate(), null, PgTierGrants.grant(row)), lowestTier);
    }

    @Override
    public Map<String, Long> segmentSizes() {
        return counts("SELECT name, count(*) FROM member_segments, unnest(segments) AS name GROUP BY 1");
    }

    @Override
    public List<MonthPoints> pointsByMonth(Instant from, ZoneId zone) {
        return sql.list(POINTS_BY_MONTH, row -> new MonthPoints(YearMonth.parse(row.getString(1)), row.getLong(2),
                row.getLong(3), row.getLong(4)), zone.getId(), from);
    }

    @Override
    public Liability liability() {
        return sql.one("SELECT coalesce(sum(greatest(available, 0)) FILTER (WHERE account = 'points'), 0),"
                        + " coalesce(sum(greatest(available, 0)) FILTER (WHERE account = 'pending'), 0),"
                        + " coalesce(sum(greatest(available, 0)) FILTER (WHERE account IN ('cashback',"
                        + " 'pending_cashback')), 0)"
                        + " FROM member_balances",
                row -> new Liability(row.getLong(1), row.getLong(2), row.getLong(3))).orElseThrow();
    }

    @Override
    public Purchasers purchasers(Instant now, Duration window) {
        Instant start = now.minus(window);
        return sql.one(purchasers, row -> new Purchasers(row.getLong(1), row.getLong(2), row.getLong(3),
                row.getLong(4), row.getLong(5)), start, now, start.minus(window), start).orElseThrow();
    }

    private Map<String, Long> counts(String query, Object... params) {
        Map<String, Long> counts = new HashMap<>();
        sql.list(query, row -> counts.put(row.getString(1), row.getLong(2)), params);
        return counts;
    }
}
