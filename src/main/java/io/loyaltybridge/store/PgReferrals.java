package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.referrals.Referrals;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Referrals in PostgreSQL; completion is a conditional update, so only one caller ever completes one. */
public final class PgReferrals implements Referrals {
    private final Sql sql;

    public PgReferrals(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public void record(MemberId referee, MemberId referrer, Instant at) {
        sql.update("INSERT INTO referrals (referee_id, referrer_id, created_at) VALUES (?, ?, ?)",
                referee.value(), referrer.value(), at);
    }

    @Override
    public Optional<MemberId> pendingReferrerOf(MemberId referee) {
        return sql.one("SELECT referrer_id FROM referrals WHERE referee_id = ? AND completed_at IS NULL",
                row -> new MemberId(row.getLong(1)), referee.value());
    }

    @Override
    public boolean complete(MemberId referee, Instant at) {
        return sql.update("UPDATE referrals SET completed_at = ? WHERE referee_id = ? AND completed_at IS NULL",
                at, referee.value()) > 0;
    }

    @Override
    public void reopen(MemberId referee) {
        sql.update("UPDATE referrals SET completed_at = NULL WHERE referee_id = ?", referee.value());
    }

    @Override
    public Map<MemberId, MemberId> chainAbove(MemberId member) {
        Map<MemberId, MemberId> chain = new HashMap<>();
        sql.list("WITH RECURSIVE up(referee_id, referrer_id, depth) AS ("
                        + " SELECT referee_id, referrer_id, 1 FROM referrals WHERE referee_id = ?"
                        + " UNION ALL SELECT r.referee_id, r.referrer_id, up.depth + 1 FROM referrals r"
                        + " JOIN up ON r.referee_id = up.referrer_id WHERE up.depth < 100)"
                        + " SELECT referee_id, referrer_id FROM up",
                row -> chain.put(new MemberId(row.getLong(1)), new MemberId(row.getLong(2))), member.value());
        return chain;
    }
}
