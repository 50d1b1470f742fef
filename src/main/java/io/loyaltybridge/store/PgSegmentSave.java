package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.segments.SegmentStore.Assigned;
import io.loyaltybridge.domain.program.segments.SegmentStore.Change;
import io.loyaltybridge.domain.program.segments.ShownSegments;

import java.math.BigDecimal;
import java.util.List;

/**
 * A recompute's changes written set-wise, four statements whatever their number: the rows COPY into a temporary
 * table, which is analyzed (so the join below is planned for its real size), then one statement updates the stored
 * rows that differ, inserts the members never computed, and queues for each CRM holding a live record of the member
 * those whose CRM-visible values moved ({@link ShownSegments}, decided in Java and copied as a flag). A first run
 * over 100 000 members took a round trip per 1 000 for each of these steps before, and queued every member.
 */
final class PgSegmentSave {
    private static final String VALUES = "recency, frequency, monetary, rfm_segment, segments, churn_risk,"
            + " preferred_category, cltv_historic, cltv_predicted";
    private final Transactions tx;
    private final Sql sql;
    private final ShownSegments shown;

    PgSegmentSave(Transactions tx, ShownSegments shown) {
        this.tx = tx;
        this.sql = new Sql(tx);
        this.shown = shown;
    }

    int save(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        sql.update("CREATE TEMPORARY TABLE segment_changes (member_id bigint NOT NULL, recency smallint,"
                + " frequency smallint, monetary smallint, rfm_segment text, segments text[] NOT NULL, churn_risk text,"
                + " preferred_category text, cltv_historic numeric(18, 2), cltv_predicted numeric(18, 2),"
                + " shown boolean NOT NULL) ON COMMIT DROP");
        CopyRows.copy(tx, "segment_changes (member_id, " + VALUES + ", shown)", changes, this::row);
        sql.update("ANALYZE segment_changes");
        return sql.one("WITH updated AS ("
                        + " UPDATE member_segments s SET (" + VALUES + ", computed_at) = (" + prefixed("x.")
                        + ", now()) FROM segment_changes x WHERE s.member_id = x.member_id"
                        + " AND (" + prefixed("s.") + ") IS DISTINCT FROM (" + prefixed("x.") + ")"
                        + " RETURNING s.member_id, x.shown),"
                        + " inserted AS ("
                        + " INSERT INTO member_segments (member_id, " + VALUES + ")"
                        + " SELECT x.member_id, " + prefixed("x.") + " FROM segment_changes x"
                        + " WHERE NOT EXISTS (SELECT 1 FROM member_segments s WHERE s.member_id = x.member_id)"
                        + " ORDER BY x.member_id RETURNING member_id),"
                        + " visible AS ("
                        + " SELECT member_id FROM updated WHERE shown UNION ALL"
                        + " SELECT i.member_id FROM inserted i JOIN segment_changes x USING (member_id) WHERE x.shown),"
                        + " queued AS ("
                        + " INSERT INTO crm_outbox (member_id, system)"
                        + " SELECT DISTINCT i.member_id, i.system FROM visible v"
                        + " JOIN member_identities i ON i.member_id = v.member_id AND NOT i.deleted"
                        + " ORDER BY i.member_id, i.system"
                        + " ON CONFLICT (member_id, system) DO UPDATE SET version = crm_outbox.version + 1)"
                        + " SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted)",
                row -> row.getInt(1)).orElse(0);
    }

    private Object[] row(Change change) {
        Assigned a = change.now();
        return new Object[] {a.member().value(), a.rfm() == null ? null : a.rfm().recency(),
                a.rfm() == null ? null : a.rfm().frequency(), a.rfm() == null ? null : a.rfm().monetary(),
                a.rfmSegment(), arrayLiteral(a), a.churnRisk(), a.preferredCategory(), plain(a.cltvHistoric()),
                plain(a.cltvPredicted()), shown.changed(change.before(), a)};
    }

    /** The names sorted, as they are stored, in PostgreSQL's array literal: each quoted, quotes escaped. */
    private static String arrayLiteral(Assigned a) {
        StringBuilder literal = new StringBuilder("{");
        a.segments().stream().sorted().forEach(name -> {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        });
        return literal.append('}').toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String prefixed(String alias) {
        return alias + VALUES.replace(", ", ", " + alias);
    }
}
