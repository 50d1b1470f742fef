package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.contests.EarningsInPeriod;

import java.time.Instant;
import java.util.List;

/** The leaderboard in one statement: sum per member, rank, cut at the size, join the first names of the few left. */
public final class PgEarningsInPeriod implements EarningsInPeriod {
    private static final String TOP = "WITH earned AS ("
            + " SELECT member_id, sum(points) AS points FROM ledger_entries"
            + " WHERE account = 'points' AND kind IN ('earn', 'bonus', 'release', 'reverse')"
            + " AND effective_at >= ? AND effective_at < ?"
            + " GROUP BY member_id HAVING sum(points) > 0),"
            // rank() gives tied members the same position, so the cut keeps every member tied with the last one.
            + " ranked AS (SELECT member_id, points, rank() OVER (ORDER BY points DESC) AS position FROM earned)"
            + " SELECT r.member_id, m.first_name, r.points FROM ranked r JOIN members m ON m.id = r.member_id"
            + " WHERE r.position <= ? ORDER BY r.position, r.member_id";

    private final Sql sql;

    public PgEarningsInPeriod(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public List<Earner> top(Instant from, Instant until, int size) {
        return sql.list(TOP, row -> new Earner(new MemberId(row.getLong(1)), row.getString(2), row.getLong(3)),
                from, until, size);
    }
}
