package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.EarnResult;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    /**
     * Upgrades the member if what they earned so far in the window reaches a higher tier (any kind of grant); a
     * member with no stored state gets one.
     */
    public void recheck(MemberId member) {
        recheck(List.of(member), true);
    }

    /**
     * The same for several members at once (a batch of feedback rewards): three reads whatever their number, and a
     * write only per member whose tier rises (a member with no stored state who stays at the lowest tier is left
     * without one, as every reader takes that for the lowest tier since joining).
     */
    public void recheck(Collection<MemberId> members) {
        recheck(members, false);
    }

    /** The activity is read from the earliest lookback among them; each member's measure keeps to their window. */
    private void recheck(Collection<MemberId> members, boolean storeStart) {
        if (members.isEmpty()) {
            return;
        }
        List<MemberId> all = List.copyOf(members);
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        Map<MemberId, LocalDate> joined = activity.joinedOn(all);
        Map<MemberId, TierState> stored = memberTiers.get(all);
        LocalDate from = all.stream().map(m -> lookback(today, joined.getOrDefault(m, today)))
                .min(Comparator.naturalOrder()).orElse(today);
        Map<MemberId, List<Qualifying>> history = activity.qualifying(all, from);
        for (MemberId member : all) {
            LocalDate joinedOn = joined.getOrDefault(member, today);
            TierState state = stored.get(member);
            TierState start = state == null ? TierState.start(tiers.lowest().name(), joinedOn) : state;
            TierState next = policy.upgrade(start, history.getOrDefault(member, List.of()), today, joinedOn);
            if (!next.equals(start) || state == null && storeStart) {
                memberTiers.save(member, next);
            }
        }
    }

    /** The earliest day any window that matters today can start: the previous window's start. */
    LocalDate lookback(LocalDate today, LocalDate joined) {
        return policy.previousWindow(today, joined).start();
    }
}
