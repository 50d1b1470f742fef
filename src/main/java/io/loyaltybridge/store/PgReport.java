package io.loyaltybridge.store;

import io.loyaltybridge.domain.kpi.Ratio;
import io.loyaltybridge.domain.kpi.ReportQueries;
import io.loyaltybridge.domain.program.Program;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The manager's figures, one statement each, aggregated by PostgreSQL over the whole population. */
public final class PgReport implements ReportQueries {
    private final Sql sql;
    private final Program program;
    private final String kept;

    public PgReport(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.program = program;
        this.kept = ProgramMoney.keptSql(program);
    }

    @Override
    public Map<YearMonth, Long> expiringByMonth(LocalDate today, LocalDate until) {
        Map<YearMonth, Long> months = new HashMap<>();
        String expiresOn = ExpiryDaySql.of(program.expiry());
        if (expiresOn == null) {
            return months;
        }
        sql.list("WITH " + LotsSql.REMAINING + " SELECT to_char(greatest(" + expiresOn + ", ?::date), 'YYYY-MM'),"
                        + " sum(points) FROM remaining WHERE points > 0 AND " + expiresOn + " < ?::date GROUP BY 1",
                row -> months.put(YearMonth.parse(row.getString(1)), row.getLong(2)),
                program.zone().getId(), today.toString(), until.toString());
        return months;
    }

    @Override
    public List<MonthMoves> tierMoves(Instant from, ZoneId zone) {
        return sql.list("SELECT to_char(occurred_at AT TIME ZONE ?, 'YYYY-MM'),"
                        + " count(*) FILTER (WHERE event_type = 'tier_up'),"
                        + " count(*) FILTER (WHERE event_type = 'tier_down')"
                        + " FROM member_events WHERE event_type IN ('tier_up', 'tier_down') AND occurred_at >= ?"
                        + " GROUP BY 1",
                row -> new MonthMoves(YearMonth.parse(row.getString(1)), row.getLong(2), row.getLong(3)),
                zone.getId(), from);
    }

    @Override
    public Ratio participation(Instant since) {
        return sql.one("SELECT (SELECT count(DISTINCT member_id) FROM ledger_entries WHERE kind IN ('earn', 'bonus')"
                        + " AND points > 0 AND effective_at > ?), (SELECT count(*) FROM members)",
                row -> new Ratio(row.getLong(1), row.getLong(2)), since).orElseThrow();
    }

    @Override
    public List<CampaignFigures> campaigns() {
        return sql.list("SELECT c.key, count(DISTINCT o.member_id), count(*), coalesce(sum(" + kept + "), 0),"
                        + " sum(c.value::bigint) FROM orders o CROSS JOIN LATERAL jsonb_each_text(o.earn_campaigns) c"
                        + " WHERE o.earn_campaigns <> '{}'::jsonb AND c.value::bigint > 0 GROUP BY c.key",
                row -> new CampaignFigures(row.getString(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4),
                        row.getLong(5)));
    }

    @Override
    public List<RewardFigures> rewards(Duration attribution) {
        // An order counts once per reward even when its member redeemed that reward twice in the window.
        return sql.list("WITH r AS (SELECT source_id AS reward, member_id, account, -points AS amount, effective_at"
                        + " FROM ledger_entries WHERE source_system = 'reward' AND kind = 'redeem'),"
                        // r has no column of the orders' names, so the kept amount's columns are the order's.
                        + " attributed AS (SELECT DISTINCT r.reward, o.id, " + kept + " AS kept FROM r JOIN orders o ON o.member_id = r.member_id AND o.placed_at >= r.effective_at"
                        + " AND o.placed_at < r.effective_at + ? * interval '1 second'),"
                        + " sold AS (SELECT reward, count(*) AS orders, sum(kept) AS revenue FROM attributed"
                        + " WHERE kept > 0 GROUP BY reward)"
                        + " SELECT r.reward, min(r.account), count(DISTINCT r.member_id), count(*), sum(r.amount),"
                        + " coalesce(min(s.orders), 0), coalesce(min(s.revenue), 0)"
                        + " FROM r LEFT JOIN sold s ON s.reward = r.reward GROUP BY r.reward",
                row -> new RewardFigures(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getBigDecimal(7)), attribution.toSeconds());
    }
}
