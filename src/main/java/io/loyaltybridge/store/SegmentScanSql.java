package io.loyaltybridge.store;

/** The statements of the recompute's pass ({@link PgSegmentScan}). */
final class SegmentScanSql {
    private SegmentScanSql() {
    }

    /** The orders that count: kept money in program units above 0, placed by {@code today} in {@code zone}. */
    static String counted(String kept, String zone, String today) {
        return "(SELECT member_id, day, kept, total, lines"
                + " FROM (SELECT member_id, (placed_at AT TIME ZONE " + zone + ")::date AS day, " + kept + " AS kept,"
                + "       total, lines FROM orders) o"
                + " WHERE kept > 0 AND day <= " + today + ")";
    }

    static String totals(String counted) {
        return "SELECT member_id, count(*) AS orders, sum(kept) AS spend, min(day) AS first_day, max(day) AS last_day"
                + " FROM " + counted + " c GROUP BY member_id";
    }

    /**
     * Each categorised line's share of the kept money (its amount scaled by kept / total: the whole of it for an
     * order fully kept in the program currency, most orders, which spares the division), summed per member and
     * category.
     */
    static String categories(String counted) {
        return "SELECT c.member_id, l.category, sum(CASE WHEN c.kept = c.total THEN l.\"unitPrice\" * l.quantity"
                + "  ELSE l.\"unitPrice\" * l.quantity * c.kept / c.total END) AS spend"
                + " FROM " + counted + " c"
                + " CROSS JOIN LATERAL jsonb_to_recordset(c.lines) AS l(category text, \"unitPrice\" numeric,"
                + "  quantity numeric)"
                + " WHERE l.category IS NOT NULL GROUP BY c.member_id, l.category";
    }

    /** Every member with the summary of their orders, their ranks on each RFM measure, state and stored values. */
    static final String STREAM = "WITH ranked AS ("
            + "  SELECT member_id, orders, spend, first_day, last_day,"
            + "         rank() OVER (ORDER BY last_day) - 1 AS recency_below,"
            + "         rank() OVER (ORDER BY orders) - 1 AS frequency_below,"
            + "         rank() OVER (ORDER BY spend) - 1 AS monetary_below, count(*) OVER () AS scored"
            + "  FROM recompute_totals),"
            + " spread AS ("
            + "  SELECT member_id, array_agg(category ORDER BY category) AS categories,"
            + "         array_agg(spend ORDER BY category) AS category_spend"
            + "  FROM recompute_categories GROUP BY member_id)"
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
