package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.MemberTiers;
import io.loyaltybridge.domain.program.TierState;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tier states in PostgreSQL; a save queues the member for the CRMs in the same statement. */
public final class PgMemberTiers implements MemberTiers {
    private final Sql sql;
    private final PgOutbox outbox;

    public PgMemberTiers(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
    }

    @Override
    public Optional<TierState> get(MemberId member) {
        return sql.one("SELECT tier, held_since, below_since, vip FROM member_tiers WHERE member_id = ?",
                PgMemberTiers::state, member.value());
    }

    @Override
    public Map<MemberId, TierState> get(Collection<MemberId> members) {
        Map<MemberId, TierState> states = new HashMap<>();
        sql.list("SELECT member_id, tier, held_since, below_since, vip FROM member_tiers WHERE member_id = ANY (?)",
                row -> states.put(new MemberId(row.getLong("member_id")), state(row)),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return states;
    }

    @Override
    public void save(MemberId member, TierState state) {
        int changed = sql.update("INSERT INTO member_tiers (member_id, tier, held_since, below_since, vip)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier,"
                        + " held_since = excluded.held_since, below_since = excluded.below_since, vip = excluded.vip,"
                        + " updated_at = now() WHERE (member_tiers.tier, member_tiers.held_since,"
                        + " member_tiers.below_since, member_tiers.vip) IS DISTINCT FROM"
                        + " (excluded.tier, excluded.held_since, excluded.below_since, excluded.vip)",
                member.value(), state.tier(), Date.valueOf(state.heldSince()),
                state.belowSince() == null ? null : Date.valueOf(state.belowSince()), state.vip());
        if (changed > 0) {
            outbox.mark(List.of(member));
        }
    }

    private static TierState state(ResultSet row) throws SQLException {
        Date below = row.getDate("below_since");
        return new TierState(row.getString("tier"), row.getDate("held_since").toLocalDate(),
                below == null ? null : below.toLocalDate(), row.getBoolean("vip"));
    }
}
