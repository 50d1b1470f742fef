package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Contest;
import io.loyaltybridge.domain.program.ContestStandings;
import io.loyaltybridge.domain.program.Program;

import java.util.ArrayList;
import java.util.List;

/**
 * A contest's standings in one statement, whatever the number of members: the measure's contributing rows within
 * the contest's dates, each member's total and the time their running total (a window over their rows in time
 * order) first reached it, the participants filter and minimum, then one ranking over all of them.
 */
public final class PgContestStandings implements ContestStandings {
    private final Sql sql;
    private final Program program;

    public PgContestStandings(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.program = program;
    }

    @Override
    public Page ranks(Contest contest, int afterRank, int limit) {
        return page(contest, "r.rank > ?", (long) afterRank, limit);
    }

    @Override
    public Page member(Contest contest, MemberId member) {
        return page(contest, "r.member_id = ?", member.value(), 1);
    }

    private Page page(Contest contest, String filter, Object filterValue, int limit) {
        List<Object> params = new ArrayList<>(ContestSql.contributions(contest, program));
        String sqlText = "WITH contributions AS (" + ContestSql.contributionsSql(contest, program) + "),"
                + " running AS (SELECT member_id, at,"
                + "   sum(amount) OVER (PARTITION BY member_id ORDER BY at, seq) AS running,"
                + "   sum(amount) OVER (PARTITION BY member_id) AS total FROM contributions),"
                // The earliest row at which the running total was at least the final total: a later refund that
                // takes the total back down dates the value to when it was first reached, not to the refund.
                + " scores AS (SELECT member_id, total AS value, min(at) FILTER (WHERE running >= total) AS reached_at"
                + "   FROM running GROUP BY member_id, total),"
                + " eligible AS (SELECT s.member_id, s.value, s.reached_at FROM scores s"
                + "   JOIN members m ON m.id = s.member_id"
                + "   LEFT JOIN member_tiers t ON t.member_id = s.member_id"
                + "   LEFT JOIN member_segments g ON g.member_id = s.member_id"
                + "   WHERE m.erased_at IS NULL AND s.value > 0 AND s.value >= ? AND " + ContestSql.takesPart(contest)
                + " ),"
                + " ranked AS (SELECT member_id, value, reached_at,"
                + "   row_number() OVER (ORDER BY value DESC, reached_at, member_id) AS rank FROM eligible)"
                + " SELECT c.n, p.rank, p.member_id, p.first_name, p.value, p.reached_at"
                + " FROM (SELECT count(*) AS n FROM ranked) c LEFT JOIN ("
                + "   SELECT r.rank, r.member_id, m.first_name, r.value, r.reached_at FROM ranked r"
                + "   JOIN members m ON m.id = r.member_id WHERE " + filter + " ORDER BY r.rank LIMIT ?) p ON true"
                + " ORDER BY p.rank";
        params.add(contest.minimum());
        params.addAll(ContestSql.takesPartParams(contest, program));
        params.add(filterValue);
        params.add(limit);
        long[] participants = {0};
        List<Standing> rows = new ArrayList<>();
        sql.list(sqlText, row -> {
            participants[0] = row.getLong("n");
            if (row.getObject("rank") != null) {
                rows.add(new Standing(row.getInt("rank"), new MemberId(row.getLong("member_id")),
                        row.getString("first_name"), row.getBigDecimal("value").stripTrailingZeros(),
                        Sql.instant(row, "reached_at")));
            }
            return null;
        }, params.toArray());
        return new Page(participants[0], rows);
    }
}
