package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.grants.GrantHistory;

/** Counts a member's grants from the ledger itself, so no separate counter can drift from what was granted. */
public final class PgGrantHistory implements GrantHistory {
    private final Sql sql;

    public PgGrantHistory(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public int count(MemberId member, String sourceSystem) {
        // ledger_entries_member (member_id, id) narrows this to one member's entries.
        return sql.one("SELECT count(*) FROM ledger_entries WHERE member_id = ? AND source_system = ?",
                row -> row.getInt(1), member.value(), sourceSystem).orElse(0);
    }
}
