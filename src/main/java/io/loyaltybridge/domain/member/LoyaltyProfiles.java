package io.loyaltybridge.domain.member;

import java.util.Collection;
import java.util.Map;

/** Reads many members' CRM-visible profiles at once: the pusher asks for a whole batch in one call. */
public interface LoyaltyProfiles {
    Map<MemberId, LoyaltyProfile> of(Collection<MemberId> members);
}
