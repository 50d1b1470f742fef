package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.GrantedBadges;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Badges held, one row per member and badge (the key makes a second grant a no-op). */
public final class PgGrantedBadges implements GrantedBadges {
    private final Sql sql;

    public PgGrantedBadges(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public Map<MemberId, Set<String>> of(Collection<MemberId> members) {
        Map<MemberId, Set<String>> held = new HashMap<>();
        sql.list("SELECT member_id, badge_id FROM member_badges WHERE member_id = ANY (?)",
                row -> held.computeIfAbsent(new MemberId(row.getLong(1)), m -> new TreeSet<>()).add(row.getString(2)),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return held;
    }

    @Override
    public boolean grant(MemberId member, String badge, Instant at) {
        return sql.update("INSERT INTO member_badges (member_id, badge_id, granted_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", member.value(), badge, at) > 0;
    }

    @Override
    public void revoke(MemberId member, String badge) {
        sql.update("DELETE FROM member_badges WHERE member_id = ? AND badge_id = ?", member.value(), badge);
    }
}
