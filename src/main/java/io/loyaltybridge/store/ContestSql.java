package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Contest;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of each contest measure: rows (member_id, amount, at, seq) that add to a member's value, and who takes
 * part. Amounts stay integers where the measure is (summing integers is several times cheaper than numeric); only
 * spend is numeric. Orders and spend count the orders that earn: kept amount in program units (ProgramMoney) above zero and at
 * least the minimum order, by the time they were placed.
 */
final class ContestSql {
    private ContestSql() {
    }

    static String contributionsSql(Contest contest, Program program) {
        String kept = ProgramMoney.keptSql(program);
        return switch (contest.measure()) {
            // Earned points, pending ones included (as tiers count them); a release only moves points between
            // accounts, so it is not counted again. Contest prizes never count.
            case POINTS -> "SELECT member_id, points AS amount, effective_at AS at, id AS seq"
                    + " FROM ledger_entries WHERE account IN ('points', 'pending')"
                    + " AND kind IN ('earn', 'bonus', 'reverse') AND source_system <> ?"
                    + " AND effective_at >= ? AND effective_at < ?";
            case ORDERS, SPEND -> "SELECT member_id, " + (contest.measure() == Contest.Measure.ORDERS ? "1"
                    : "kept") + " AS amount, placed_at AS at, id AS seq FROM (SELECT member_id, " + kept
                    + " AS kept, placed_at, id FROM orders WHERE placed_at >= ? AND placed_at < ?) o"
                    + " WHERE kept > 0 AND kept >= ?";
            case REFERRALS -> "SELECT referrer_id AS member_id, 1 AS amount, completed_at AS at,"
                    + " referee_id AS seq FROM referrals WHERE completed_at >= ? AND completed_at < ?";
        };
    }

    static List<Object> contributions(Contest contest, Program program) {
        List<Object> params = new ArrayList<>();
        if (contest.measure() == Contest.Measure.POINTS) {
            params.add(Contest.PRIZE_SOURCE);
        }
        params.add(contest.start());
        params.add(contest.end());
        if (contest.measure() == Contest.Measure.ORDERS || contest.measure() == Contest.Measure.SPEND) {
            params.add(program.earning().minimumOrder());
        }
        return params;
    }

    /** Members of the listed tiers or segments (a member with no tier row is in the lowest); none listed: all. */
    static String takesPart(Contest contest) {
        List<String> any = new ArrayList<>();
        if (!contest.tiers().isEmpty()) {
            any.add("coalesce(t.tier, ?) = ANY (?)");
        }
        if (!contest.segments().isEmpty()) {
            any.add("(g.rfm_segment = ANY (?) OR g.segments && ?)");
        }
        return any.isEmpty() ? "true" : "(" + String.join(" OR ", any) + ")";
    }

    static List<Object> takesPartParams(Contest contest, Program program) {
        List<Object> params = new ArrayList<>();
        if (!contest.tiers().isEmpty()) {
            params.add(program.tiers().lowest().name());
            params.add(new Sql.TextArray(contest.tiers().toArray(String[]::new)));
        }
        if (!contest.segments().isEmpty()) {
            Sql.TextArray segments = new Sql.TextArray(contest.segments().toArray(String[]::new));
            params.add(segments);
            params.add(segments);
        }
        return params;
    }
}
