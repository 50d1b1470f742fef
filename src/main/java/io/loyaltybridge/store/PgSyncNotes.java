package io.loyaltybridge.store;

import java.util.Optional;

/** Notes on sync streams that are off by the CRM's shape (not failing): why, for /api/sync/status. */
public final class PgSyncNotes {
    private final Sql sql;

    public PgSyncNotes(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public void note(String system, String object, String note) {
        sql.update("INSERT INTO sync_notes (system, object, note) VALUES (?, ?, ?) ON CONFLICT (system, object)"
                + " DO UPDATE SET note = excluded.note, noted_at = now()", system, object, note);
    }

    public void clear(String system, String object) {
        sql.update("DELETE FROM sync_notes WHERE system = ? AND object = ?", system, object);
    }

    public Optional<String> get(String system, String object) {
        return sql.one("SELECT note FROM sync_notes WHERE system = ? AND object = ?", row -> row.getString(1),
                system, object);
    }
}
