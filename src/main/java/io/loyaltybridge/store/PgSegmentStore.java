package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.MemberFigures;
import io.loyaltybridge.domain.program.segments.RfmScore;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.segments.ShownSegments;

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
 * ({@link PgSegmentScan}) and its set-wise save ({@link PgSegmentSave}), and a member's order facts (one member's
 * profile), a batch per query.
 */
public final class PgSegmentStore implements SegmentStore {
    private static final String COLUMNS = "member_id, recency, frequency, monetary, rfm_segment, segments,"
            + " churn_risk, preferred_category, cltv_historic, cltv_predicted";
    private final Sql sql;
    private final Program program;
    private final PgSegmentScan scan;
    private final PgSegmentSave saves;

    /** Every segment value counted as shown in some CRM, as the connectors' default field maps show them. */
    public PgSegmentStore(Transactions transactions, Program program) {
        this(transactions, program, ShownSegments.Fields.ALL);
    }

    /** {@code shown}: the segment values the CRMs switched on show (the others never queue a member for them). */
    public PgSegmentStore(Transactions transactions, Program program, ShownSegments.Fields shown) {
        this.sql = new Sql(transactions);
        this.program = program;
        this.scan = new PgSegmentScan(transactions, program);
        this.saves = new PgSegmentSave(transactions, new ShownSegments(program, shown));
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

    @Override
    public int save(List<Change> changes) {
        return saves.save(changes);
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
