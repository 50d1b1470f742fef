package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.MemberFigures;
import io.loyaltybridge.domain.program.segments.RfmScore;
import io.loyaltybridge.domain.program.segments.SegmentStore;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Segments and lifetime values in PostgreSQL, and what they are computed from: the recompute's one pass
 * ({@link PgSegmentScan}), and a member's order facts (one member's profile), a batch per query.
 */
public final class PgSegmentStore implements SegmentStore {
    private static final String COLUMNS = "member_id, recency, frequency, monetary, rfm_segment, segments,"
            + " churn_risk, preferred_category, cltv_historic, cltv_predicted";
    private final Sql sql;
    private final PgOutbox outbox;
    private final Program program;
    private final PgSegmentScan scan;

    public PgSegmentStore(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
        this.program = program;
        this.scan = new PgSegmentScan(transactions, program);
    }

    @Override
    public Map<MemberId, List<OrderFact>> orderFacts(Collection<MemberId> members) {
        Map<MemberId, List<OrderFact>> facts = new HashMap<>();
        sql.list("SELECT " + PgOrders.COLUMNS + " FROM orders WHERE member_id = ANY (?) ORDER BY member_id, placed_at",
                PgOrders::stored, ids(members)).forEach(stored -> {
                    Order order = stored.order();
                    facts.computeIfAbsent(order.member(), m -> new ArrayList<>()).add(OrderFact.of(order, program));
                });
        return facts;
    }

    @Override
    public Map<MemberId, Long> pointBalances(Collection<MemberId> members) {
        Map<MemberId, Long> balances = new HashMap<>();
        sql.list("SELECT member_id, available FROM member_balances WHERE account = 'points' AND member_id = ANY (?)",
                row -> balances.put(new MemberId(row.getLong(1)), row.getLong(2)), ids(members));
        return balances;
    }

    @Override
    public void scan(LocalDate today, Consumer<MemberFigures> each) {
        scan.scan(today, each);
    }

    /**
     * One statement for the whole batch: the rows travel as one jsonb array, and a member's row is written only
     * when a value differs; the members written (RETURNING) are queued for the CRMs with one more statement.
     */
    @Override
    public int save(List<Assigned> assigned) {
        if (assigned.isEmpty()) {
            return 0;
        }
        List<MemberId> changed = sql.list("INSERT INTO member_segments (" + COLUMNS + ")"
                        + " SELECT x.member_id, x.recency, x.frequency, x.monetary, x.rfm_segment,"
                        + " ARRAY(SELECT e.name FROM jsonb_array_elements_text(x.segments) WITH ORDINALITY"
                        + "       AS e(name, n) ORDER BY e.n), x.churn_risk, x.preferred_category,"
                        + " x.cltv_historic, x.cltv_predicted"
                        + " FROM jsonb_to_recordset(?::jsonb) AS x(member_id bigint, recency smallint, frequency smallint,"
                        + "      monetary smallint, rfm_segment text, segments jsonb, churn_risk text,"
                        + "      preferred_category text, cltv_historic numeric, cltv_predicted numeric)"
                        + " ORDER BY x.member_id"
                        + " ON CONFLICT (member_id) DO UPDATE SET recency = excluded.recency,"
                        + " frequency = excluded.frequency, monetary = excluded.monetary,"
                        + " rfm_segment = excluded.rfm_segment, segments = excluded.segments,"
                        + " churn_risk = excluded.churn_risk, preferred_category = excluded.preferred_category,"
                        + " cltv_historic = excluded.cltv_historic, cltv_predicted = excluded.cltv_predicted,"
                        + " computed_at = now() WHERE (member_segments.recency, member_segments.frequency,"
                        + " member_segments.monetary, member_segments.rfm_segment, member_segments.segments,"
                        + " member_segments.churn_risk, member_segments.preferred_category,"
                        + " member_segments.cltv_historic, member_segments.cltv_predicted) IS DISTINCT FROM"
                        + " (excluded.recency, excluded.frequency, excluded.monetary, excluded.rfm_segment,"
                        + " excluded.segments, excluded.churn_risk, excluded.preferred_category,"
                        + " excluded.cltv_historic, excluded.cltv_predicted)"
                        + " RETURNING member_id",
                row -> new MemberId(row.getLong(1)), SegmentRowsJson.of(assigned));
        outbox.mark(changed);
        return changed.size();
    }

    @Override
    public Map<MemberId, Assigned> get(Collection<MemberId> members) {
        Map<MemberId, Assigned> byMember = new HashMap<>();
        // Driven from the batch's ids, each row found by its key: the recompute reads a batch here while it fills
        // the table, whose statistics lag; "member_id = ANY (?)" then scanned it whole, once per batch.
        sql.list("SELECT s." + COLUMNS.replace(", ", ", s.") + " FROM unnest(?::bigint[]) AS batch(id)"
                        + " JOIN member_segments s ON s.member_id = batch.id", PgSegmentStore::assigned,
                ids(members)).forEach(a -> byMember.put(a.member(), a));
        return byMember;
    }

    static Assigned assigned(ResultSet row) throws SQLException {
        Array array = row.getArray("segments");
        short recency = row.getShort("recency");
        RfmScore rfm = row.wasNull() ? null
                : new RfmScore(recency, row.getShort("frequency"), row.getShort("monetary"));
        return new Assigned(new MemberId(row.getLong("member_id")), rfm, row.getString("rfm_segment"),
                new LinkedHashSet<>(Arrays.asList((String[]) array.getArray())), row.getString("churn_risk"),
                row.getString("preferred_category"), row.getBigDecimal("cltv_historic"),
                row.getBigDecimal("cltv_predicted"));
    }

    private static Sql.LongArray ids(Collection<MemberId> members) {
        return Sql.longArray(members.stream().mapToLong(MemberId::value).toArray());
    }
}
