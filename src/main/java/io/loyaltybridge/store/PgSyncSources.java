package io.loyaltybridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per CRM and object stream: the cursor reading resumes from, and the stream's health counters. */
public final class PgSyncSources {
    public record Source(String system, String object, Instant watermark, byte[] replayId, boolean backfillDone,
                         Instant lastSuccessAt, String lastError, Instant lastErrorAt, long recordsIn,
                         long recordsOut, long errors, long apiCalls) {
    }

    private static final String COLUMNS = "system, object, watermark, replay_id, backfill_done, last_success_at,"
            + " last_error, last_error_at, records_in, records_out, errors, api_calls";
    private final Sql sql;

    public PgSyncSources(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public Optional<Source> get(String system, String object) {
        return sql.one("SELECT " + COLUMNS + " FROM sync_sources WHERE system = ? AND object = ?",
                PgSyncSources::source, system, object);
    }

    public List<Source> all() {
        return sql.list("SELECT " + COLUMNS + " FROM sync_sources ORDER BY system, object", PgSyncSources::source);
    }

    /**
     * Moves the cursor forward (never back) and counts the records taken in. Called in the transaction that
     * committed those records, so the cursor never passes data that is not stored.
     */
    public void advance(String system, String object, Instant watermark, long recordsIn) {
        sql.update("INSERT INTO sync_sources (system, object, watermark, records_in, last_success_at)"
                + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (system, object) DO UPDATE SET"
                + " watermark = greatest(sync_sources.watermark, excluded.watermark),"
                + " records_in = sync_sources.records_in + excluded.records_in, last_success_at = now()",
                system, object, watermark, recordsIn);
    }

    /** A successful read that found nothing new still counts as the stream being up to date. */
    public void checked(String system, String object) {
        sql.update("INSERT INTO sync_sources (system, object, last_success_at) VALUES (?, ?, now())"
                + " ON CONFLICT (system, object) DO UPDATE SET last_success_at = now()", system, object);
    }

    public void replayId(String system, String object, byte[] replayId) {
        sql.update("INSERT INTO sync_sources (system, object, replay_id, last_success_at) VALUES (?, ?, ?, now())"
                + " ON CONFLICT (system, object) DO UPDATE SET replay_id = excluded.replay_id, last_success_at = now()",
                system, object, replayId);
    }

    public void backfillDone(String system, String object) {
        sql.update("INSERT INTO sync_sources (system, object, backfill_done) VALUES (?, ?, true)"
                + " ON CONFLICT (system, object) DO UPDATE SET backfill_done = true", system, object);
    }

    public void pushed(String system, long records, long apiCalls) {
        sql.update("INSERT INTO sync_sources (system, object, records_out, api_calls, last_success_at)"
                + " VALUES (?, 'push', ?, ?, now()) ON CONFLICT (system, object) DO UPDATE SET"
                + " records_out = sync_sources.records_out + excluded.records_out,"
                + " api_calls = sync_sources.api_calls + excluded.api_calls, last_success_at = now()",
                system, records, apiCalls);
    }

    /** Counts API calls made to read from a CRM (the pusher counts its own writes through {@link #pushed}). */
    public void reads(String system, String object, long apiCalls) {
        sql.update("INSERT INTO sync_sources (system, object, api_calls) VALUES (?, ?, ?)"
                + " ON CONFLICT (system, object) DO UPDATE SET api_calls = sync_sources.api_calls + excluded.api_calls",
                system, object, apiCalls);
    }

    public void failed(String system, String object, String error) {
        sql.update("INSERT INTO sync_sources (system, object, errors, last_error, last_error_at)"
                + " VALUES (?, ?, 1, ?, now()) ON CONFLICT (system, object) DO UPDATE SET"
                + " errors = sync_sources.errors + 1, last_error = excluded.last_error, last_error_at = now()",
                system, object, error);
    }

    private static Source source(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Source(row.getString("system"), row.getString("object"), Sql.instant(row, "watermark"),
                row.getBytes("replay_id"), row.getBoolean("backfill_done"), Sql.instant(row, "last_success_at"),
                row.getString("last_error"), Sql.instant(row, "last_error_at"), row.getLong("records_in"),
                row.getLong("records_out"), row.getLong("errors"), row.getLong("api_calls"));
    }
}
