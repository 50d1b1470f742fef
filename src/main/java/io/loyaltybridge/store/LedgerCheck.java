package io.loyaltybridge.store;

import java.util.List;

/**
 * Proves the stored balances equal what the entries add up to, for every member and account. Any row it returns is
 * a bug: the ledger is the truth, the balance table only a fast read of it.
 */
public final class LedgerCheck {
    public record Mismatch(long memberId, String account, long storedAvailable, long entriesAvailable,
                           long storedLifetime, long entriesLifetime) {
    }

    private final Transactions transactions;
    private final Sql sql;

    public LedgerCheck(Transactions transactions) {
        this.transactions = transactions;
        this.sql = new Sql(transactions);
    }

    public List<Mismatch> mismatches() {
        return transactions.read(() -> sql.list("SELECT coalesce(b.member_id, e.member_id) AS member_id,"
                + " coalesce(b.account, e.account) AS account,"
                + " coalesce(b.available, 0) AS stored_available, coalesce(e.available, 0) AS entries_available,"
                + " coalesce(b.lifetime, 0) AS stored_lifetime, coalesce(e.lifetime, 0) AS entries_lifetime"
                + " FROM member_balances b FULL JOIN ("
                + "   SELECT member_id, account, sum(points) AS available,"
                + "          coalesce(sum(points) FILTER (WHERE kind IN " + PgLedgerEntries.EARNED_KINDS + "), 0) AS lifetime"
                + "   FROM ledger_entries GROUP BY member_id, account) e"
                + " ON e.member_id = b.member_id AND e.account = b.account"
                + " WHERE coalesce(b.available, 0) <> coalesce(e.available, 0)"
                + "    OR coalesce(b.lifetime, 0) <> coalesce(e.lifetime, 0)",
                row -> new Mismatch(row.getLong("member_id"), row.getString("account"),
                        row.getLong("stored_available"), row.getLong("entries_available"),
                        row.getLong("stored_lifetime"), row.getLong("entries_lifetime"))));
    }
}
