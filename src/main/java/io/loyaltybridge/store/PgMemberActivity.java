package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.MemberActivity;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What members did, for tier qualification, read for a whole batch of members in one query: each order (day in
 * the program's zone, points worth, amount kept in program units, counted as an order when something was kept; an
 * order in a currency the program declares no rate for keeps 0, so it counts for nothing) and each point grant
 * that is not an order's (bonuses, partner earn, adjustments).
 */
public final class PgMemberActivity implements MemberActivity {
    /**
     * The ledger entries that count for tiers besides orders' own points: grants that are no order's (bonuses,
     * partner earn, adjustments) and a bonus an order caused, counted when granted (pending) less its
     * cancellation, not again when released. The batch settlement applies the same rule to what it appends.
     */
    static final String QUALIFYING_GRANT = "((order_id IS NULL AND account = 'points'"
            + " AND kind IN ('bonus', 'earn', 'adjust')) OR (order_id IS NOT NULL AND account = 'pending'"
            + " AND operation_key NOT LIKE 'order:%' AND kind IN ('bonus', 'reverse')))";

    private final Sql sql;
    private final ZoneId zone;
    private final String keptSql;

    public PgMemberActivity(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.zone = program.zone();
        this.keptSql = ProgramMoney.keptSql(program);
    }

    @Override
    public Map<MemberId, List<Qualifying>> qualifying(Collection<MemberId> members, LocalDate from) {
        Map<MemberId, List<Qualifying>> byMember = new HashMap<>();
        Object ids = Sql.longArray(members.stream().mapToLong(MemberId::value).toArray());
        sql.list("SELECT member_id, (placed_at AT TIME ZONE ?)::date AS day, earned_points AS points,"
                        + " " + keptSql + " AS kept FROM orders WHERE member_id = ANY (?) AND placed_at >= ?"
                        + " UNION ALL SELECT member_id, (effective_at AT TIME ZONE ?)::date, points, 0 FROM ledger_entries"
                        + " WHERE member_id = ANY (?) AND effective_at >= ? AND " + QUALIFYING_GRANT + " ORDER BY 1, 2",
                row -> {
                    BigDecimal kept = row.getBigDecimal("kept");
                    boolean isOrder = kept.signum() > 0;
                    return byMember.computeIfAbsent(new MemberId(row.getLong("member_id")), m -> new ArrayList<>())
                            .add(new Qualifying(row.getDate("day").toLocalDate(), row.getLong("points"), kept,
                                    isOrder ? 1 : 0));
                }, zone.getId(), ids, start(from), zone.getId(), ids, start(from));
        return byMember;
    }

    @Override
    public Map<MemberId, LocalDate> joinedOn(Collection<MemberId> members) {
        Map<MemberId, LocalDate> joined = new HashMap<>();
        sql.list("SELECT id, (created_at AT TIME ZONE ?)::date FROM members WHERE id = ANY (?)",
                row -> joined.put(new MemberId(row.getLong(1)), row.getDate(2).toLocalDate()), zone.getId(),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return joined;
    }

    private java.time.Instant start(LocalDate from) {
        return from.atStartOfDay(zone).toInstant();
    }
}
