package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.GrantedBadges;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Badges held, recording "badge earned" when a grant is new (in the order's transaction). */
public final class RecordingBadges implements GrantedBadges {
    private final GrantedBadges badges;
    private final MemberEvents events;

    public RecordingBadges(GrantedBadges badges, MemberEvents events) {
        this.badges = badges;
        this.events = events;
    }

    @Override
    public Map<MemberId, Set<String>> of(Collection<MemberId> members) {
        return badges.of(members);
    }

    @Override
    public boolean grant(MemberId member, String badge, Instant at) {
        boolean granted = badges.grant(member, badge, at);
        if (granted) {
            events.record(new MemberEvent(member, EventType.BADGE_EARNED, "badge_earned:" + member + ":" + badge, at,
                    Map.of("badge", badge)));
        }
        return granted;
    }

    @Override
    public void revoke(MemberId member, String badge) {
        badges.revoke(member, badge);
    }
}
