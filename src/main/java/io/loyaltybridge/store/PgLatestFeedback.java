package io.loyaltybridge.store;

import io.loyaltybridge.domain.feedback.LatestFeedback;
import io.loyaltybridge.domain.member.MemberId;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The members' latest answers for their CRM contacts: one statement for a whole push batch. */
public final class PgLatestFeedback implements LatestFeedback {
    private final Transactions transactions;
    private final Sql sql;
    private final String zone;

    public PgLatestFeedback(Transactions transactions, ZoneId zone) {
        this.transactions = transactions;
        this.sql = new Sql(transactions);
        this.zone = zone.getId();
    }

    /** In the caller's transaction, or a read of its own (profiles are read outside one, as standings are). */
    @Override
    public Map<MemberId, Latest> of(Collection<MemberId> members) {
        return transactions.read(() -> read(members));
    }

    private Map<MemberId, Latest> read(Collection<MemberId> members) {
        Map<MemberId, Latest> out = new HashMap<>();
        if (members.isEmpty()) {
            return out;
        }
        sql.list("SELECT m.id, (SELECT f.score FROM feedback_answers f WHERE f.member_id = m.id"
                        + " AND f.score IS NOT NULL ORDER BY f.submitted_at DESC, f.id DESC LIMIT 1),"
                        + " n.score, n.submitted_at,"
                        + " (SELECT (max(f.submitted_at) AT TIME ZONE ?)::date FROM feedback_answers f"
                        + " WHERE f.member_id = m.id) AS last_on FROM unnest(?) AS m(id)"
                        + " LEFT JOIN LATERAL (SELECT f.score, f.submitted_at FROM feedback_answers f"
                        + " WHERE f.member_id = m.id AND f.survey_type = 'NPS' AND f.score IS NOT NULL"
                        + " ORDER BY f.submitted_at DESC, f.id DESC LIMIT 1) n ON true",
                row -> {
                    java.sql.Date on = row.getDate(5);
                    if (on != null) {
                        out.put(new MemberId(row.getLong(1)), new Latest(row.getBigDecimal(2), row.getBigDecimal(3),
                                Sql.instant(row, "submitted_at"), on.toLocalDate()));
                    }
                    return null;
                }, zone, Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return out;
    }
}
