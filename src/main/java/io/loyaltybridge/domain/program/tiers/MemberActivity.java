package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.member.MemberId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Read model of what members did, as tier qualification counts it: one {@link Qualifying} per order (its day, the
 * points it is worth, what was kept, whether it counts as an order) and per non-order point grant.
 */
public interface MemberActivity {
    Map<MemberId, List<Qualifying>> qualifying(Collection<MemberId> members, LocalDate from);

    /** The day each member joined, in the program's time zone. */
    Map<MemberId, LocalDate> joinedOn(Collection<MemberId> members);
}
