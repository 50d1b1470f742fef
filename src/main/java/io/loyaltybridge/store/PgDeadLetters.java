package io.loyaltybridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records that failed for good, with their payload and error, to look at and replay. */
public final class PgDeadLetters {
    public record DeadLetter(long id, String system, String direction, String recordType, String recordId,
                             String payload, String errorCode, String error, String waitingFor, String status,
                             int replayCount, Instant createdAt, Instant replayedAt) {
    }

    private static final String COLUMNS = "id, system, direction, record_type, record_id, payload::text AS payload,"
            + " error_code, error, waiting_for, status, replay_count, created_at, replayed_at";
    private final Sql sql;

    public PgDeadLetters(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Files a record; the same record failing again while open updates its letter instead of adding one. */
    public long add(String system, String direction, String recordType, String recordId, String payloadJson,
                    String errorCode, String error, String waitingFor) {
        return sql.one("INSERT INTO dead_letters (system, direction, record_type, record_id, payload, error_code,"
                        + " error, waiting_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (system, direction, record_type, record_id) WHERE status = 'open'"
                        + " DO UPDATE SET payload = excluded.payload, error_code = excluded.error_code,"
                        + " error = excluded.error, waiting_for = excluded.waiting_for RETURNING id",
                row -> row.getLong(1), system, direction, recordType, recordId, new Sql.Json(payloadJson), errorCode,
                error, waitingFor).orElseThrow();
    }

    /** A record to file with {@link #addAll}. */
    public record NewLetter(String system, String direction, String recordType, String recordId, String payloadJson,
                            String errorCode, String error, String waitingFor) {
    }

    /**
     * Files many records in one statement (a batch's letters cost one statement, however many); a record filed
     * twice in the list keeps its last letter.
     */
    public void addAll(List<NewLetter> letters) {
        java.util.Map<String, NewLetter> last = new java.util.LinkedHashMap<>();
        letters.forEach(l -> last.put(l.system() + "\n" + l.direction() + "\n" + l.recordType() + "\n" + l.recordId(),
                l));
        if (last.isEmpty()) {
            return;
        }
        List<NewLetter> rows = List.copyOf(last.values());
        sql.update("INSERT INTO dead_letters (system, direction, record_type, record_id, payload, error_code, error,"
                        + " waiting_for) SELECT system, direction, record_type, record_id, payload::jsonb, error_code,"
                        + " error, waiting_for FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS v(system, direction, record_type,"
                        + " record_id, payload, error_code, error, waiting_for)"
                        + " ON CONFLICT (system, direction, record_type, record_id) WHERE status = 'open'"
                        + " DO UPDATE SET payload = excluded.payload, error_code = excluded.error_code,"
                        + " error = excluded.error, waiting_for = excluded.waiting_for",
                column(rows, NewLetter::system), column(rows, NewLetter::direction),
                column(rows, NewLetter::recordType), column(rows, NewLetter::recordId),
                column(rows, NewLetter::payloadJson), column(rows, NewLetter::errorCode),
                column(rows, NewLetter::error), column(rows, NewLetter::waitingFor));
    }

    private static Sql.Column column(List<NewLetter> rows, java.util.function.Function<NewLetter, String> value) {
        return Sql.Column.of("text", rows.stream().map(value).toList());
    }

    public List<DeadLetter> list(String status, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM dead_letters WHERE (?::text IS NULL OR status = ?)"
                + " ORDER BY id DESC LIMIT ?", PgDeadLetters::letter, status, status, limit);
    }

    public Optional<DeadLetter> lock(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ? FOR UPDATE", PgDeadLetters::letter, id);
    }

    /** Open letters waiting for a record that has now arrived (e.g. orders of a contact just synced). */
    public List<DeadLetter> waitingFor(String key) {
        return sql.list("SELECT " + COLUMNS + " FROM dead_letters WHERE waiting_for = ? AND status = 'open'"
                + " ORDER BY id FOR UPDATE SKIP LOCKED", PgDeadLetters::letter, key);
    }

    /** {@link #waitingFor} for many records at once, in one statement. */
    public List<DeadLetter> waitingForAny(java.util.Collection<String> keys) {
        return sql.list("SELECT " + COLUMNS + " FROM dead_letters WHERE waiting_for = ANY (?) AND status = 'open'"
                + " ORDER BY id FOR UPDATE SKIP LOCKED", PgDeadLetters::letter, new Sql.TextArray(keys.toArray(String[]::new)));
    }

    public void markReplayed(long id) {
        sql.update("UPDATE dead_letters SET status = 'replayed', replayed_at = now(), replay_count = replay_count + 1"
                + " WHERE id = ?", id);
    }

    public long openCount(String system) {
        return sql.one("SELECT count(*) FROM dead_letters WHERE system = ? AND status = 'open'",
                row -> row.getLong(1), system).orElse(0L);
    }

    private static DeadLetter letter(java.sql.ResultSet row) throws java.sql.SQLException {
        return new DeadLetter(row.getLong("id"), row.getString("system"), row.getString("direction"),
                row.getString("record_type"), row.getString("record_id"), row.getString("payload"),
                row.getString("error_code"), row.getString("error"), row.getString("waiting_for"),
                row.getString("status"), row.getInt("replay_count"), Sql.instant(row, "created_at"),
                Sql.instant(row, "replayed_at"));
    }
}
