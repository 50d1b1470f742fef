package io.loyaltybridge.store;

/**
 * The points still held in each member's lots, as SQL over the whole ledger: the rule of
 * {@code domain.program.expiry.LotHistory}, set-wise. A lot is an order's points on the points account (or one positive
 * entry without an order), dated by its first entry; a refund's take-back comes off its own order's lot first and
 * any excess off the oldest; every other debit (redemptions, negative adjustments, expiry) takes the oldest lots
 * first. So a lot holds what is left of it once the member's debits have used up all older lots.
 * Binds one parameter, the program time zone; defines {@code remaining(member_id, day, points, last_activity)}.
 */
final class LotsSql {
    static final String REMAINING = "e AS (SELECT member_id, id, kind, points, order_id,"
            + " (effective_at AT TIME ZONE ?)::date AS day FROM ledger_entries WHERE account = 'points'),"
            + " own AS (SELECT member_id, min(day) FILTER (WHERE points > 0) AS day,"
            + " min(id) FILTER (WHERE points > 0) AS first_id, sum(points) AS net FROM e"
            + " WHERE points > 0 OR (kind = 'reverse' AND order_id IS NOT NULL)"
            + " GROUP BY member_id, coalesce('order:' || order_id, 'entry:' || id)),"
            + " debits AS (SELECT member_id, -sum(points) AS spent,"
            + " max(day) FILTER (WHERE kind NOT IN ('reverse', 'expire')) AS last_spend FROM e"
            + " WHERE points < 0 AND NOT (kind = 'reverse' AND order_id IS NOT NULL) GROUP BY member_id),"
            + " lots AS (SELECT o.member_id, o.day, greatest(o.net, 0) AS points,"
            + " sum(greatest(o.net, 0)) OVER (PARTITION BY o.member_id ORDER BY o.day, o.first_id) AS upto,"
            + " coalesce(d.spent, 0) + sum(greatest(-o.net, 0)) OVER (PARTITION BY o.member_id) AS used,"
            + " greatest(max(o.day) OVER (PARTITION BY o.member_id), d.last_spend) AS last_activity"
            + " FROM own o LEFT JOIN debits d ON d.member_id = o.member_id),"
            // A take-back whose order has no lot left here (its points never reached this account) is all excess.
            + " remaining AS (SELECT member_id, day, last_activity,"
            + " greatest(0, least(points, upto - used)) AS points FROM lots WHERE day IS NOT NULL)";

    private LotsSql() {
    }
}
