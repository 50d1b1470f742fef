package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.ContestStandings;

import java.util.ArrayList;
import java.util.List;

/**
 * A contest's standings in one statement, whatever the number of members: the measure's contributing rows within
 * the contest's dates, each member's total and the time their running total first reached it, the participants
 * filter and minimum, then one ranking over all of them.
 */
public final class PgContestStandings implements ContestStandings {
    private static final String WORK_MEM = "64MB";
    private final Sql sql;
    private final Program program;

    public PgContestStandings(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.program = program;
    }

    /**
     * {@code scores (member_id, value, reached_at)}: each member's value and the time it was first reached. Where
     * every row adds (orders, spend, referrals; points of a member who never lost any) the running total first
     * reaches the final value at the member's last row, which a plain aggregate finds without sorting a row. Only a
     * member with a negative row (a reversal) needs the running total, a window over their rows in time order: the
     * earliest row at which it was at least the final total, so a value that a refund brought back down dates from
     * when it was first reached, not from the refund.
     */
    private String scores(Contest contest, List<Object> params) {
        String rows = ContestSql.contributionsSql(contest, program);
        params.addAll(ContestSql.contributions(contest, program));
        String totals = "totals AS (SELECT member_id, sum(amount) AS value, max(at) AS last_at,"
                + " min(amount) < 0 AS fell FROM (" + rows + ") c GROUP BY member_id)";
        if (contest.measure() != Contest.Measure.POINTS) {
            return totals + ", scores AS (SELECT member_id, value, last_at AS reached_at FROM totals)";
        }
        params.addAll(ContestSql.contributions(contest, program));
        return totals + ", running AS (SELECT c.member_id, c.at,"
                + "   sum(c.amount) OVER (PARTITION BY c.member_id ORDER BY c.at, c.seq) AS running"
                + "   FROM (" + rows + ") c WHERE c.member_id IN (SELECT member_id FROM totals WHERE fell)),"
                + " reached AS (SELECT r.member_id, min(r.at) AS reached_at FROM running r"
                + "   JOIN totals t ON t.member_id = r.member_id WHERE r.running >= t.value GROUP BY r.member_id),"
                + " scores AS (SELECT t.member_id, t.value, coalesce(x.reached_at, t.last_at) AS reached_at"
                + "   FROM totals t LEFT JOIN reached x ON x.member_id = t.member_id)";
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
        // The whole ranking is sorted and hashed in memory (100 000 members are some 10 MB); the default work_mem
        // would spill it to disk. For this statement's transaction only.
        sql.update("SET LOCAL work_mem = '" + WORK_MEM + "'");
        List<Object> params = new ArrayList<>();
        String sqlText = "WITH " + scores(contest, params) + ","
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
