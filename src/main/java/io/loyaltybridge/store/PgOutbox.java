package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Collection;
import java.util.List;

/**
 * The outbox of members whose CRM-visible profile changed. Marks are written in the transaction of the change;
 * pushers lease rows with SKIP LOCKED so several app instances never push the same member at once, and a row is
 * only removed if no change arrived while it was being pushed.
 */
public final class PgOutbox {
    /** A leased row: push this member's profile, then complete with this version. */
    public record Item(MemberId member, long version) {
    }

    /** How many rows are ready (counted up to a limit) and how long the oldest of them has waited. */
    public record Ready(int rows, long oldestWaitedMillis) {
    }

    private final Sql sql;

    public PgOutbox(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Marks the members for every CRM they have a live identity in. */
    public void mark(Collection<MemberId> members) {
        if (members.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO crm_outbox (member_id, system) SELECT DISTINCT member_id, system FROM member_identities"
                + " WHERE member_id = ANY (?) AND NOT deleted ORDER BY member_id, system"
                + " ON CONFLICT (member_id, system) DO UPDATE SET version = crm_outbox.version + 1",
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
    }

    /** Leases up to {@code limit} rows ready for {@code system}, oldest first, for {@code seconds}. */
    public List<Item> lease(String system, int limit, int seconds) {
        return sql.list("UPDATE crm_outbox o SET lease_until = now() + make_interval(secs => ?)"
                        + " FROM (SELECT member_id FROM crm_outbox WHERE system = ?"
                        + "       AND (lease_until IS NULL OR lease_until < now())"
                        + "       ORDER BY enqueued_at, member_id LIMIT ? FOR UPDATE SKIP LOCKED) ready"
                        + " WHERE o.system = ? AND o.member_id = ready.member_id RETURNING o.member_id, o.version",
                row -> new Item(new MemberId(row.getLong(1)), row.getLong(2)), seconds, system, limit, system);
    }

    /**
     * The pusher's wake-up question, asked every few milliseconds: one walk of the (system, enqueued_at) index that
     * stops after {@code limit} ready rows, so it costs the same with an empty or a deep outbox.
     */
    public Ready ready(String system, int limit) {
        return sql.one("SELECT count(*), coalesce(floor(extract(epoch FROM now() - min(enqueued_at)) * 1000), 0)"
                        + " FROM (SELECT enqueued_at FROM crm_outbox WHERE system = ?"
                        + "       AND (lease_until IS NULL OR lease_until < now())"
                        + "       ORDER BY enqueued_at LIMIT ?) ready",
                row -> new Ready(row.getInt(1), row.getLong(2)), system, limit).orElse(new Ready(0, 0));
    }

    /**
     * Locks these members' rows for the settlement of their push, skipping the rows another transaction holds: an
     * inbound batch that marked the member again and has not committed yet. Waiting for it would hold the push for
     * the rest of that batch; its mark moves the row's version anyway, so the row is settled a round later instead.
     */
    public java.util.Set<MemberId> lockForSettlement(String system, Collection<MemberId> members) {
        return new java.util.HashSet<>(sql.list("SELECT member_id FROM crm_outbox WHERE system = ? AND member_id = ANY (?)"
                        + " ORDER BY member_id FOR UPDATE SKIP LOCKED", row -> new MemberId(row.getLong(1)), system,
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray())));
    }

    /**
     * Frees every lease of {@code system}: for a sole instance starting, whose leases can only be left by its own
     * previous run (killed mid-push), so those members go now instead of when their lease runs out.
     */
    public int releaseLeases(String system) {
        return sql.update("UPDATE crm_outbox SET lease_until = NULL WHERE system = ? AND lease_until IS NOT NULL",
                system);
    }

    /** The push is done: forget the row unless the member changed again meanwhile (then push again soon). */
    public void complete(String system, Item item) {
        complete(system, List.of(item));
    }

    /**
     * The push of these members is done, in one statement: each row goes unless its member changed again meanwhile
     * (its version moved); such a row is freed to be pushed again soon. The caller holds the rows' locks.
     */
    public void complete(String system, Collection<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        Sql.LongArray members = Sql.longArray(items.stream().mapToLong(i -> i.member().value()).toArray());
        // The UPDATE reads the table as it was before the DELETE: the rows just deleted are left out by name.
        sql.update("WITH done AS (DELETE FROM crm_outbox o USING unnest(?::bigint[], ?::bigint[]) AS v(member_id,"
                        + " version) WHERE o.system = ? AND o.member_id = v.member_id AND o.version = v.version"
                        + " RETURNING o.member_id)"
                        + " UPDATE crm_outbox SET lease_until = NULL, attempts = 0 WHERE system = ?"
                        + " AND member_id = ANY (?) AND member_id NOT IN (SELECT member_id FROM done)",
                members, Sql.longArray(items.stream().mapToLong(Item::version).toArray()), system, system, members);
    }

    /** A retriable failure: try this member again after {@code delaySeconds}. */
    public void retryLater(String system, MemberId member, int delaySeconds) {
        sql.update("UPDATE crm_outbox SET lease_until = now() + make_interval(secs => ?), attempts = attempts + 1"
                + " WHERE system = ? AND member_id = ?", delaySeconds, system, member.value());
    }

    public int attempts(String system, MemberId member) {
        return sql.one("SELECT attempts FROM crm_outbox WHERE system = ? AND member_id = ?",
                row -> row.getInt(1), system, member.value()).orElse(0);
    }

    public long depth(String system) {
        return sql.one("SELECT count(*) FROM crm_outbox WHERE system = ?", row -> row.getLong(1), system).orElse(0L);
    }
}
