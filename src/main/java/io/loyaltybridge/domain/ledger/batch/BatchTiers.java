package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Tier states of one batch's members: a tier crossed by one order sets the rate of that member's next. */
final class BatchTiers implements MemberTiers {
    private final Map<MemberId, TierState> stored;
    private final Map<MemberId, TierState> now;

    BatchTiers(Snapshot snapshot) {
        this.stored = snapshot.tiers();
        this.now = new HashMap<>(snapshot.tiers());
    }

    @Override
    public Optional<TierState> get(MemberId member) {
        return Optional.ofNullable(now.get(member));
    }

    @Override
    public Map<MemberId, TierState> get(Collection<MemberId> members) {
        Map<MemberId, TierState> found = new HashMap<>();
        members.forEach(m -> {
            if (now.containsKey(m)) {
                found.put(m, now.get(m));
            }
        });
        return found;
    }

    @Override
    public void save(MemberId member, TierState state) {
        now.put(member, state);
    }

    /** The states that differ from the stored ones in what the store writes (the earned tier, not the grant). */
    Map<MemberId, TierState> changed() {
        Map<MemberId, TierState> changed = new HashMap<>();
        now.forEach((member, state) -> {
            TierState before = stored.get(member);
            if (before == null || !before.tier().equals(state.tier())
                    || !before.heldSince().equals(state.heldSince())
                    || !Objects.equals(before.belowSince(), state.belowSince())) {
                changed.put(member, state);
            }
        });
        return changed;
    }
}
