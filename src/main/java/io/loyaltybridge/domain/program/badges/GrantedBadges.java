package io.loyaltybridge.domain.program.badges;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Badges members hold; each is granted once. */
public interface GrantedBadges {
    Map<MemberId, Set<String>> of(Collection<MemberId> members);

    /** Records the grant; false when the member already held it. */
    boolean grant(MemberId member, String badge, Instant at);

    /** Takes back a badge whose order was refunded inside its return window; it can be earned again. */
    void revoke(MemberId member, String badge);
}
