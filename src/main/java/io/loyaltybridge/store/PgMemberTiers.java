package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tier states in PostgreSQL, each read with the member's staff grant not yet ended ({@link PgTierGrants}); a save
 * writes the earned tier only, and queues the member for the CRMs when it changed.
 */
public final class PgMemberTiers implements MemberTiers {
    private static final String SELECT = "SELECT t.member_id, t.tier, t.held_since, t.below_since, "
            + PgTierGrants.COLUMNS + " FROM member_tiers t"
            + " LEFT JOIN tier_grants g ON g.member_id = t.member_id AND g.ended_at IS NULL";
    private final Sql sql;
    private final PgOutbox outbox;

    public PgMemberTiers(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
    }

    @Override
    public Optional<TierState> get(MemberId member) {
        return sql.one(SELECT + " WHERE t.member_id = ?", PgMemberTiers::state, member.value());
    }

    @Override
    public Map<MemberId, TierState> get(Collection<MemberId> members) {
        Map<MemberId, TierState> states = new HashMap<>();
        sql.list(SELECT + " WHERE t.member_id = ANY (?)",
                row -> states.put(new MemberId(row.getLong("member_id")), state(row)),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return states;
    }

    @Override
    public void save(MemberId member, TierState state) {
        int changed = sql.update("INSERT INTO member_tiers (member_id, tier, held_since, below_since)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier,"
                        + " held_since = excluded.held_since, below_since = excluded.below_since,"
                        + " updated_at = now() WHERE (member_tiers.tier, member_tiers.held_since,"
                        + " member_tiers.below_since) IS DISTINCT FROM"
                        + " (excluded.tier, excluded.held_since, excluded.below_since)",
                member.value(), state.tier(), Date.valueOf(state.heldSince()),
                state.belowSince() == null ? null : Date.valueOf(state.belowSince()));
        if (changed > 0) {
            outbox.mark(List.of(member));
        }
    }

    @Override
    public void saveAll(Map<MemberId, TierState> states) {
        outbox.mark(upsert(sql, states));
    }

    /**
     * Writes the earned tiers of many members in one statement (in member order, so two writers lock rows in the same
     * order); returns the members whose row was created or changed.
     */
    static List<MemberId> upsert(Sql sql, Map<MemberId, TierState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        List<MemberId> members = new ArrayList<>(states.keySet());
        return sql.list("INSERT INTO member_tiers (member_id, tier, held_since, below_since)"
                        + " SELECT v.member_id, v.tier, v.held_since::date, v.below_since::date"
                        + " FROM unnest(?, ?, ?, ?) AS v(member_id, tier, held_since, below_since) ORDER BY 1"
                        + " ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier, held_since = excluded.held_since,"
                        + " below_since = excluded.below_since, updated_at = now() WHERE (member_tiers.tier,"
                        + " member_tiers.held_since, member_tiers.below_since) IS DISTINCT FROM"
                        + " (excluded.tier, excluded.held_since, excluded.below_since) RETURNING member_id",
                row -> new MemberId(row.getLong(1)),
                Sql.Column.of("bigint", members.stream().map(MemberId::value).toList()),
                Sql.Column.of("text", members.stream().map(m -> states.get(m).tier()).toList()),
                Sql.Column.of("text", members.stream().map(m -> states.get(m).heldSince().toString()).toList()),
                Sql.Column.of("text", members.stream().map(m -> {
                    LocalDate below = states.get(m).belowSince();
                    return below == null ? null : below.toString();
                }).toList()));
    }

    static TierState state(ResultSet row) throws SQLException {
        Date below = row.getDate("below_since");
        return new TierState(row.getString("tier"), row.getDate("held_since").toLocalDate(),
                below == null ? null : below.toLocalDate(), PgTierGrants.grant(row));
    }
}
