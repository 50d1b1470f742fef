package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.EarnResult;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upgrades a member the moment an order takes them over a threshold. Downgrades never happen here: only the
 * assessment job lowers a tier, after the grace period.
 */
public final class TierUpgrades implements OrderEffects {
    private final TierPolicy policy;
    private final Tiers tiers;
    private final MemberTiers memberTiers;
    private final MemberActivity activity;
    private final Program program;
    private final Clock clock;

    public TierUpgrades(Program program, MemberTiers memberTiers, MemberActivity activity, Clock clock) {
        this.program = program;
        this.tiers = program.tiers();
        this.policy = new TierPolicy(tiers);
        this.memberTiers = memberTiers;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public void orderSettled(StoredOrder order, EarnResult worth) {
        recheck(order.order().member());
    }

    /** Upgrades the member if what they earned so far in the window reaches a higher tier (any kind of grant). */
    public void recheck(MemberId member) {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        LocalDate joined = activity.joinedOn(List.of(member)).getOrDefault(member, today);
        Optional<TierState> stored = memberTiers.get(member);
        TierState state = stored.orElse(TierState.start(tiers.lowest().name(), joined));
        Map<MemberId, List<Qualifying>> history = activity.qualifying(List.of(member), lookback(today, joined));
        TierState next = policy.upgrade(state, history.getOrDefault(member, List.of()), today, joined);
        if (stored.isEmpty() || !next.equals(state)) {
            memberTiers.save(member, next);
        }
    }

    /** The earliest day any window that matters today can start: the previous window's start. */
    LocalDate lookback(LocalDate today, LocalDate joined) {
        return policy.previousWindow(today, joined).start();
    }
}
