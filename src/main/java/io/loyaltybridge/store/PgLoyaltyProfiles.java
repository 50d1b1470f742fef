package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Profiles for a batch of members in one query. */
public final class PgLoyaltyProfiles implements LoyaltyProfiles {
    private final Sql sql;

    public PgLoyaltyProfiles(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public Map<MemberId, LoyaltyProfile> of(Collection<MemberId> members) {
        Map<MemberId, LoyaltyProfile> profiles = new HashMap<>();
        sql.list("SELECT m.id, coalesce(b.available, 0) AS points FROM members m"
                        + " LEFT JOIN member_balances b ON b.member_id = m.id AND b.account = 'points'"
                        + " WHERE m.id = ANY (?)",
                row -> {
                    MemberId id = new MemberId(row.getLong("id"));
                    return profiles.put(id, new LoyaltyProfile(id, null, row.getLong("points"), null, null, null, 0,
                            null, null, null, null));
                }, Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return profiles;
    }
}
