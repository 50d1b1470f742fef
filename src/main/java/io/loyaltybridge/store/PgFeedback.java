package io.loyaltybridge.store;

import io.loyaltybridge.domain.feedback.FeedbackRewards;
import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Survey answers in PostgreSQL, a batch at a time: one statement finds the batch's members, one stores every answer
 * (insert, or update when the source record is newer), and rewarding costs three more (lock, read, write) whatever
 * the batch's size.
 */
public final class PgFeedback {
    /** An answer to store, already judged valid and matched to its member. */
    public record Row(MemberId member, String system, String externalId, String surveyId, String surveyName,
                      String surveyType, BigDecimal score, String sentiment, String comment, Instant submittedAt,
                      Instant modifiedAt) {
    }

    /** An answer the upsert wrote; {@code inserted} when it was not stored before. */
    public record Stored(long id, MemberId member, String surveyId, String surveyName, String surveyType,
                         BigDecimal score, Instant submittedAt, boolean inserted) {
    }

    /** A stored answer as the API shows it. */
    public record Answer(long id, MemberId member, String system, String externalId, String surveyId,
                         String surveyName, String surveyType, BigDecimal score, String sentiment, String comment,
                         Instant submittedAt) {
    }

    private final Sql sql;

    public PgFeedback(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** The live members of these CRM contacts, keyed "system\ncontact id"; contacts not synced are absent. */
    public Map<String, MemberId> members(List<String> systems, List<String> contacts) {
        Map<String, MemberId> found = new HashMap<>();
        if (systems.isEmpty()) {
            return found;
        }
        sql.list("SELECT i.system, i.external_id, i.member_id FROM member_identities i"
                        + " JOIN unnest(?, ?) AS c(system, external_id) USING (system, external_id)"
                        + " JOIN members m ON m.id = i.member_id WHERE NOT i.deleted AND m.erased_at IS NULL",
                row -> found.put(row.getString(1) + "\n" + row.getString(2), new MemberId(row.getLong(3))),
                Sql.Column.of("text", systems), Sql.Column.of("text", contacts));
        return found;
    }

    /**
     * Stores the answers in one statement: new ones are inserted, known ones updated only when the source record
     * is newer than the stored copy (an equal or older re-read is skipped and not returned). A record without a
     * version (an API post) is never overwritten: its idempotency key names it once.
     */
    public List<Stored> upsert(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return sql.list("INSERT INTO feedback_answers AS f (member_id, source_system, external_id, survey_id,"
                        + " survey_name, survey_type, score, sentiment, comment, submitted_at, source_modified_at)"
                        + " SELECT member_id, system, external_id, survey_id, survey_name, survey_type,"
                        + " score::numeric, sentiment, comment, submitted_at::timestamptz, modified_at::timestamptz"
                        + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS v(member_id, system, external_id,"
                        + " survey_id, survey_name, survey_type, score, sentiment, comment, submitted_at, modified_at)"
                        + " ON CONFLICT ON CONSTRAINT feedback_answers_source_key DO UPDATE SET"
                        + " member_id = excluded.member_id, survey_id = excluded.survey_id,"
                        + " survey_name = excluded.survey_name, survey_type = excluded.survey_type,"
                        + " score = excluded.score, sentiment = excluded.sentiment, comment = excluded.comment,"
                        + " submitted_at = excluded.submitted_at, source_modified_at = excluded.source_modified_at,"
                        + " updated_at = now()"
                        + " WHERE excluded.source_modified_at IS NOT NULL AND (f.source_modified_at IS NULL"
                        + " OR excluded.source_modified_at > f.source_modified_at)"
                        + " RETURNING f.id, f.member_id, f.survey_id, f.survey_name, f.survey_type, f.score,"
                        + " f.submitted_at, (xmax = 0) AS inserted",
                row -> new Stored(row.getLong(1), new MemberId(row.getLong(2)), row.getString(3), row.getString(4),
                        row.getString(5), row.getBigDecimal(6), Sql.instant(row, "submitted_at"), row.getBoolean(8)),
                column("bigint", rows, r -> r.member().value()), column("text", rows, Row::system),
                column("text", rows, Row::externalId), column("text", rows, Row::surveyId),
                column("text", rows, Row::surveyName), column("text", rows, Row::surveyType),
                column("text", rows, r -> r.score() == null ? null : r.score().toPlainString()),
                column("text", rows, Row::sentiment), column("text", rows, Row::comment),
                column("text", rows, r -> r.submittedAt().toString()),
                column("text", rows, r -> r.modifiedAt() == null ? null : r.modifiedAt().toString()));
    }

    /**
     * Locks the members' points balances (so two instances cannot both pass the yearly cap) and reads the
     * feedback rewards they already have: two statements.
     */
    public List<FeedbackRewards.Earlier> lockAndReadRewards(Collection<MemberId> members) {
        Sql.LongArray ids = Sql.longArray(members.stream().mapToLong(MemberId::value).sorted().toArray());
        sql.list("INSERT INTO member_balances (member_id, account, available, lifetime)"
                + " SELECT id, 'points', 0, 0 FROM unnest(?) AS m(id) ORDER BY id"
                + " ON CONFLICT (member_id, account) DO UPDATE SET available = member_balances.available"
                + " RETURNING member_id", row -> row.getLong(1), ids);
        return sql.list("SELECT member_id, source_id, effective_at FROM ledger_entries"
                        + " WHERE member_id = ANY (?) AND source_system = 'feedback'",
                row -> new FeedbackRewards.Earlier(new MemberId(row.getLong(1)), row.getString(2),
                        Sql.instant(row, "effective_at")), ids);
    }

    /**
     * Writes the rewards as bonus entries, moves the balances (earned, so lifetime too) and queues the members for
     * their CRMs, in one statement; an operation key already used writes nothing.
     */
    public int reward(List<FeedbackRewards.Reward> rewards, String ruleVersion, Instant now) {
        if (rewards.isEmpty()) {
            return 0;
        }
        return sql.one("WITH entry AS (INSERT INTO ledger_entries (member_id, account, points, kind, reason,"
                        + " source_system, source_id, rule_version, created_at, effective_at, operation_key)"
                        + " SELECT member_id, 'points', points, 'bonus', reason, 'feedback', survey_id, ?, ?,"
                        + " effective_at::timestamptz, operation_key"
                        + " FROM unnest(?, ?, ?, ?, ?, ?) WITH ORDINALITY AS v(member_id, points, reason, survey_id,"
                        + " effective_at, operation_key, n) ORDER BY n"
                        + " ON CONFLICT ON CONSTRAINT ledger_entries_operation_key DO NOTHING RETURNING *),"
                        + " moved AS (INSERT INTO member_balances (member_id, account, available, lifetime)"
                        + " SELECT member_id, 'points', sum(points), sum(points) FROM entry GROUP BY member_id"
                        + " ON CONFLICT (member_id, account) DO UPDATE SET"
                        + " available = member_balances.available + excluded.available,"
                        + " lifetime = member_balances.lifetime + excluded.lifetime),"
                        + " queued AS (INSERT INTO crm_outbox (member_id, system)"
                        + " SELECT DISTINCT i.member_id, i.system FROM entry JOIN member_identities i"
                        + " ON i.member_id = entry.member_id AND NOT i.deleted"
                        + " ON CONFLICT (member_id, system) DO UPDATE SET version = crm_outbox.version + 1)"
                        + " SELECT count(*) FROM entry", row -> row.getInt(1), ruleVersion, now,
                column("bigint", rewards, r -> r.member().value()),
                column("bigint", rewards, FeedbackRewards.Reward::points),
                column("text", rewards, FeedbackRewards.Reward::reason),
                column("text", rewards, FeedbackRewards.Reward::surveyId),
                column("text", rewards, r -> r.effectiveAt().toString()),
                column("text", rewards, FeedbackRewards.Reward::operationKey)).orElse(0);
    }

    public java.util.Optional<Answer> byKey(String system, String externalId) {
        return sql.one("SELECT id, member_id, source_system, external_id, survey_id, survey_name, survey_type, score,"
                + " sentiment, comment, submitted_at FROM feedback_answers WHERE source_system = ? AND external_id = ?",
                row -> new Answer(row.getLong(1), new MemberId(row.getLong(2)), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getBigDecimal(8), row.getString(9),
                        row.getString(10), Sql.instant(row, "submitted_at")), system, externalId);
    }

    /** True when the member exists and was not erased (an erased member takes no new answers). */
    public boolean isLive(MemberId member) {
        return sql.one("SELECT erased_at IS NULL FROM members WHERE id = ?", row -> row.getBoolean(1), member.value())
                .orElse(false);
    }

    private static <T> Sql.Column column(String type, List<T> rows, Function<T, Object> value) {
        return Sql.Column.of(type, rows.stream().map(value).toList());
    }
}
