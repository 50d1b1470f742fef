package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.contests.ContestPrizes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contest prizes and closures; each new prize is audited in its own transaction, as the close job's action. */
public final class PgContestPrizes implements ContestPrizes {
    /** The actor the audit log names for prizes: the job, not a person. */
    static final String ACTOR = "job:contest-close";
    private final Sql sql;
    private final PgAudit audit;

    public PgContestPrizes(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.audit = new PgAudit(transactions);
    }

    @Override
    public boolean claim(Prize prize) {
        boolean claimed = sql.update("INSERT INTO contest_prizes (contest, rank, member_id, value, points, badge,"
                        + " granted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", prize.contest(),
                prize.rank(), prize.member().value(), prize.value(), prize.points(), prize.badge(),
                prize.grantedAt()) > 0;
        if (claimed) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rank", prize.rank());
            details.put("value", prize.value().toPlainString());
            details.put("points", prize.points());
            details.put("badge", prize.badge());
            audit.record(ACTOR, "contest.prize", "contest:" + prize.contest(), prize.member(), details);
        }
        return claimed;
    }

    @Override
    public boolean close(String contest, long participants, Instant at) {
        return sql.update("INSERT INTO contest_closures (contest, participants, closed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", contest, participants, at) > 0;
    }

    @Override
    public Optional<Instant> closedAt(String contest) {
        return sql.one("SELECT closed_at FROM contest_closures WHERE contest = ?",
                row -> Sql.instant(row, "closed_at"), contest);
    }

    @Override
    public List<Prize> of(String contest) {
        return sql.list("SELECT contest, rank, member_id, value, points, badge, granted_at FROM contest_prizes"
                + " WHERE contest = ? ORDER BY rank", row -> new Prize(row.getString("contest"), row.getInt("rank"),
                new MemberId(row.getLong("member_id")), row.getBigDecimal("value").stripTrailingZeros(),
                row.getLong("points"), row.getString("badge"), Sql.instant(row, "granted_at")), contest);
    }
}
