package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.OrderFact;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.RfmScore;
import io.loyaltybridge.domain.program.SegmentStore;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Segments and lifetime values in PostgreSQL, and the order facts they are computed from, a batch per query. */
public final class PgSegmentStore implements SegmentStore {
    private static final String COLUMNS = "member_id, recency, frequency, monetary, rfm_segment, segments,"
            + " churn_risk, preferred_category, cltv_historic, cltv_predicted";
    private final Sql sql;
    private final PgOutbox outbox;
    private final Program program;

    public PgSegmentStore(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
        this.program = program;
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
    public int save(List<Assigned> assigned) {
        List<MemberId> changed = new ArrayList<>();
        for (Assigned a : assigned) {
            int rows = sql.update("INSERT INTO member_segments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
                            + " excluded.cltv_historic, excluded.cltv_predicted)",
                    a.member().value(), a.rfm() == null ? null : (short) a.rfm().recency(),
                    a.rfm() == null ? null : (short) a.rfm().frequency(),
                    a.rfm() == null ? null : (short) a.rfm().monetary(), a.rfmSegment(),
                    new Sql.TextArray(a.segments().stream().sorted().toArray(String[]::new)), a.churnRisk(),
                    a.preferredCategory(), a.cltvHistoric(), a.cltvPredicted());
            if (rows > 0) {
                changed.add(a.member());
            }
        }
        outbox.mark(changed);
        return changed.size();
    }

    @Override
    public Map<MemberId, Assigned> get(Collection<MemberId> members) {
        Map<MemberId, Assigned> byMember = new HashMap<>();
        sql.list("SELECT " + COLUMNS + " FROM member_segments WHERE member_id = ANY (?)", PgSegmentStore::assigned,
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
