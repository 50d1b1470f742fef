package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Each member's stored tier state. Saving a changed state also queues the member for the CRMs. */
public interface MemberTiers {
    Optional<TierState> get(MemberId member);

    Map<MemberId, TierState> get(Collection<MemberId> members);

    void save(MemberId member, TierState state);

    /**
     * Saves each state as {@link #save} would. Stores override it to write a batch with a fixed number of statements
     * (the tier assessment saves up to a batch of 1 000 members at once).
     */
    default void saveAll(Map<MemberId, TierState> states) {
        states.forEach(this::save);
    }
}
