package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.TierMoves;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member tiers, recording "tier up" and "tier down" when a save changes the earned tier. Upgrades (on orders) and
 * the assessment job (downgrades) both save through here in their transactions. A member's first tier is no event.
 * A staff tier grant that moves the tier in force (given, revoked, lapsed) is recorded through {@link #moved}.
 */
public final class RecordingTiers implements MemberTiers, TierMoves {
    private final MemberTiers tiers;
    private final Tiers levels;
    private final MemberEvents events;
    private final Clock clock;

    public RecordingTiers(MemberTiers tiers, Tiers levels, MemberEvents events, Clock clock) {
        this.tiers = tiers;
        this.levels = levels;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<TierState> get(MemberId member) {
        return tiers.get(member);
    }

    @Override
    public Map<MemberId, TierState> get(Collection<MemberId> members) {
        return tiers.get(members);
    }

    @Override
    public void save(MemberId member, TierState state) {
        Optional<TierState> before = tiers.get(member);
        tiers.save(member, state);
        move(member, before.orElse(null), state).ifPresent(events::record);
    }

    /** A batch: one read of the states before, one write, the events together. */
    @Override
    public void saveAll(Map<MemberId, TierState> states) {
        if (states.isEmpty()) {
            return;
        }
        Map<MemberId, TierState> before = tiers.get(states.keySet());
        tiers.saveAll(states);
        List<MemberEvent> moves = new ArrayList<>();
        states.forEach((member, state) -> move(member, before.get(member), state).ifPresent(moves::add));
        events.recordAll(moves);
    }

    private Optional<MemberEvent> move(MemberId member, TierState before, TierState state) {
        String from = before == null ? levels.lowest().name() : before.tier();
        int change = Integer.compare(levels.rank(state.tier()), levels.rank(from));
        if (change == 0) {
            return Optional.empty();
        }
        EventType type = change > 0 ? EventType.TIER_UP : EventType.TIER_DOWN;
        // The day the tier was entered names the cause: the same move replayed is one event.
        return Optional.of(new MemberEvent(member, type, type.wireName() + ":" + member + ":" + state.tier() + ":"
                + state.heldSince(), clock.instant(), Map.of("tier", state.tier(), "previous_tier", from)));
    }

    @Override
    public void moved(MemberId member, String from, String to, String cause) {
        int change = Integer.compare(levels.rank(to), levels.rank(from));
        if (change != 0) {
            EventType type = change > 0 ? EventType.TIER_UP : EventType.TIER_DOWN;
            events.record(new MemberEvent(member, type, type.wireName() + ":" + member + ":" + to + ":" + cause,
                    clock.instant(), Map.of("tier", to, "previous_tier", from)));
        }
    }
}
