package io.loyaltybridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sync streams stopped for good by a permanent error, until the configuration changes: the reason (an error code
 * and the fields concerned, never record values) and the configuration digest it was stopped under.
 */
public final class PgStreamStops {
    public record Stop(String system, String object, String reason, String config, Instant stoppedAt) {
    }

    private final Sql sql;

    public PgStreamStops(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public void stop(String system, String object, String reason, String config) {
        sql.update("INSERT INTO sync_stops (system, object, reason, config) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (system, object) DO UPDATE SET reason = excluded.reason, config = excluded.config,"
                + " stopped_at = now()", system, object, reason, config);
    }

    public Optional<Stop> get(String system, String object) {
        return sql.one("SELECT system, object, reason, config, stopped_at FROM sync_stops WHERE system = ? AND"
                + " object = ?", PgStreamStops::stop, system, object);
    }

    public List<Stop> of(String system) {
        return sql.list("SELECT system, object, reason, config, stopped_at FROM sync_stops WHERE system = ?"
                + " ORDER BY object", PgStreamStops::stop, system);
    }

    /** Lifts the stops made under another configuration; answers how many were lifted. */
    public int liftUnless(String system, String config) {
        return sql.update("DELETE FROM sync_stops WHERE system = ? AND config <> ?", system, config);
    }

    private static Stop stop(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Stop(row.getString("system"), row.getString("object"), row.getString("reason"),
                row.getString("config"), Sql.instant(row, "stopped_at"));
    }
}
