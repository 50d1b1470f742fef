package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Marketing consent and its history. The history is written by a trigger on members (see V6), so every path that
 * changes consent (API, CRM ingest, sign-up) is recorded; writers only name their source for the transaction.
 */
public final class PgConsent {
    /** One recorded consent decision. */
    public record Change(boolean marketing, String source, Instant recordedAt) {
    }

    private final Sql sql;

    public PgConsent(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Names where consent changes in the current transaction come from (a CRM's name, "api"). */
    public void source(String source) {
        sql.one("SELECT set_config('loyalty.consent_source', ?, true)", row -> row.getString(1), source);
    }

    /** Sets the member's marketing consent from {@code source}; empty when there is no such member. */
    public Optional<Boolean> set(MemberId member, boolean marketing, String source) {
        source(source);
        return sql.one("UPDATE members SET marketing_consent = ? WHERE id = ? RETURNING marketing_consent",
                row -> row.getBoolean(1), marketing, member.value());
    }

    /** Oldest first. */
    public List<Change> history(MemberId member) {
        return sql.list("SELECT marketing, source, recorded_at FROM consent_history WHERE member_id = ? ORDER BY id",
                row -> new Change(row.getBoolean(1), row.getString(2), Sql.instant(row, "recorded_at")),
                member.value());
    }
}
