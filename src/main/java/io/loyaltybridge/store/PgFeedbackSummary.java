package io.loyaltybridge.store;

import io.loyaltybridge.domain.feedback.FeedbackFigures;
import io.loyaltybridge.domain.program.Program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feedback figures of every group in one statement: PostgreSQL counts the answers once, grouped four ways at
 * the same time (overall, by the member's current tier, by their RFM segment, by month of the answer in the
 * program's zone), so the cost does not grow with the number of groups.
 */
public final class PgFeedbackSummary {
    /** The groupings, in the order they are answered. */
    public static final List<String> GROUPS = List.of("overall", "tier", "rfmSegment", "month");

    private final Sql sql;
    private final String zone;
    private final String lowestTier;

    public PgFeedbackSummary(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.zone = program.zone().getId();
        this.lowestTier = program.tiers().lowest().name();
    }

    /** The figures by grouping name; within a grouping, by key in order (months oldest first). */
    public Map<String, List<FeedbackFigures>> figures() {
        Map<String, List<FeedbackFigures>> out = new LinkedHashMap<>();
        GROUPS.forEach(g -> out.put(g, new ArrayList<>()));
        sql.list("SELECT CASE WHEN grouping(tier) = 0 THEN 'tier' WHEN grouping(rfm) = 0 THEN 'rfmSegment'"
                        + " WHEN grouping(month) = 0 THEN 'month' ELSE 'overall' END AS grp,"
                        + " coalesce(tier, rfm, month, 'all') AS key, count(*),"
                        + " count(*) FILTER (WHERE nps), count(*) FILTER (WHERE nps AND score >= 9),"
                        + " count(*) FILTER (WHERE nps AND score >= 7 AND score < 9),"
                        + " count(*) FILTER (WHERE nps AND score < 7),"
                        + " count(*) FILTER (WHERE csat), count(*) FILTER (WHERE csat AND score >= "
                        + FeedbackFigures.SATISFIED_FROM + ")"
                        + " FROM (SELECT coalesce(t.tier, ?) AS tier, coalesce(s.rfm_segment, 'unscored') AS rfm,"
                        + " to_char(f.submitted_at AT TIME ZONE ?, 'YYYY-MM') AS month, f.score,"
                        + " f.survey_type = 'NPS' AND f.score IS NOT NULL AS nps,"
                        + " f.survey_type = 'CSAT' AND f.score IS NOT NULL AS csat"
                        + " FROM feedback_answers f LEFT JOIN member_tiers t ON t.member_id = f.member_id"
                        + " LEFT JOIN member_segments s ON s.member_id = f.member_id) a"
                        + " GROUP BY GROUPING SETS ((), (tier), (rfm), (month)) ORDER BY 1, 2",
                row -> out.get(row.getString(1)).add(new FeedbackFigures(row.getString(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8),
                        row.getLong(9))), lowestTier, zone);
        if (out.get("overall").isEmpty()) {
            out.get("overall").add(new FeedbackFigures("all", 0, 0, 0, 0, 0, 0, 0));
        }
        return out;
    }
}
