package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What an order ingest batch needs to know before it starts, read in two statements for the whole batch instead of
 * two per order: which member each CRM contact is, and which CRM version of each order was already taken in.
 */
public final class PgOrderBatchLookups {
    private final Sql sql;

    public PgOrderBatchLookups(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Member per contact id of {@code system}; contacts not synced yet are absent. */
    public Map<String, MemberId> membersByContact(String system, Collection<String> contactIds) {
        Map<String, MemberId> found = new HashMap<>();
        sql.list("SELECT external_id, member_id FROM member_identities WHERE system = ? AND external_id = ANY (?)",
                row -> found.put(row.getString(1), new MemberId(row.getLong(2))), system,
                new Sql.TextArray(contactIds.toArray(String[]::new)));
        return found;
    }

    /**
     * The stored source modification time per order already held (the value may be null: held, version unknown);
     * orders not held are absent.
     */
    public Map<String, Instant> sourceModifiedAt(String source, Collection<String> externalIds) {
        Map<String, Instant> found = new HashMap<>();
        sql.list("SELECT external_id, source_modified_at FROM orders WHERE source = ? AND external_id = ANY (?)",
                row -> found.put(row.getString(1), Sql.instant(row, "source_modified_at")), source,
                new Sql.TextArray(externalIds.toArray(String[]::new)));
        return found;
    }
}
