package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.badges.GrantedBadges;
import io.loyaltybridge.domain.program.earning.OrderRewards;
import io.loyaltybridge.domain.program.referrals.Referrals;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;

import java.time.Clock;
import java.util.List;

/**
 * What settling an order sets off, composed once for both settlement paths (one order at a time in the core, a
 * batch in memory): rewards first, since a badge or referral bonus can itself take the member over a tier
 * threshold, then the tier upgrade; badges and referrals record their events.
 */
public final class RecordedEffects {
    private RecordedEffects() {
    }

    /** {@code ledger} and {@code upgrades} are expected to record their own events already. */
    public static OrderEffects of(Program program, GrantedBadges badges, Referrals referrals, SegmentStore facts,
                                  LedgerEntries ledger, TierUpgrades upgrades, MemberEvents events, Clock clock) {
        return OrderEffects.all(List.of(new OrderRewards(program, new RecordingBadges(badges, events),
                new RecordingReferrals(referrals, events), facts, ledger, clock), upgrades));
    }
}
