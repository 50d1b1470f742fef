package io.loyaltybridge.store;

import java.time.Duration;

/**
 * Named leases in the {@code leases} table: at most one holder per name at a time, until it expires. Taking and
 * renewing are one statement, so two instances racing for a free lease cannot both win: the row is inserted, or
 * updated only when it has expired or is already ours, and RETURNING says whether this holder has it now.
 */
public final class PgLeases {
    private final Sql sql;

    public PgLeases(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Takes or renews the lease for {@code ttl}; false when another holder's lease is still running. */
    public boolean acquire(String name, String holder, Duration ttl) {
        return sql.one("INSERT INTO leases (name, holder, expires_at)"
                + " VALUES (?, ?, now() + make_interval(secs => ?))"
                + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
                + " WHERE leases.expires_at < now() OR leases.holder = excluded.holder RETURNING holder",
                row -> row.getString(1), name, holder, ttl.toMillis() / 1000.0).isPresent();
    }

    /** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
    public void release(String name, String holder) {
        sql.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, holder);
    }

    /** The current holder of an unexpired lease, or null. */
    public String holder(String name) {
        return sql.one("SELECT holder FROM leases WHERE name = ? AND expires_at >= now()", row -> row.getString(1),
                name).orElse(null);
    }
}
