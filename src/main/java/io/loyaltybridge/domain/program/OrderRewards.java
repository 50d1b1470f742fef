package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Badges and referral bonuses that an order can earn. Badges are granted once each (with their bonus points); a
 * pending referral completes on the referee's first qualifying order and pays both sides once.
 */
public final class OrderRewards implements OrderEffects {
    private final Program program;
    private final BadgeRules badges;
    private final ReferralRules referralRules;
    private final GrantedBadges granted;
    private final Referrals referrals;
    private final SegmentStore facts;
    private final LedgerEntries ledger;
    private final Clock clock;

    public OrderRewards(Program program, GrantedBadges granted, Referrals referrals, SegmentStore facts,
                        LedgerEntries ledger, Clock clock) {
        this.program = program;
        this.badges = new BadgeRules(program.badges());
        this.referralRules = new ReferralRules(program.referral());
        this.granted = granted;
        this.referrals = referrals;
        this.facts = facts;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void orderSettled(StoredOrder order, EarnResult worth) {
        MemberId member = order.order().member();
        grantBadges(member);
        payReferral(order);
    }

    private void grantBadges(MemberId member) {
        if (program.badges().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        List<OrderFact> history = facts.orderFacts(List.of(member)).getOrDefault(member, List.of());
        Set<String> held = granted.of(List.of(member)).getOrDefault(member, Set.of());
        for (BadgeRules.Grant grant : badges.newlyEarned(history, held, today)) {
            Badge badge = grant.badge();
            if (granted.grant(member, badge.id(), clock.instant()) && badge.bonusPoints() > 0) {
                ledger.append(BonusEntries.bonus(member, badge.bonusPoints(), grant.reason(), "badge", badge.id(),
                        program, clock.instant(), "badge:" + member + ":" + badge.id()));
            }
        }
    }

    private void payReferral(StoredOrder order) {
        MemberId referee = order.order().member();
        var referrer = referrals.pendingReferrerOf(referee);
        if (referrer.isEmpty()) {
            return;
        }
        // Only an order that earns completes a referral, its amount counted in program units.
        OrderFact fact = OrderFact.of(order.order(), program);
        var bonus = fact.earns() ? referralRules.bonusFor(order.order().key().externalId(), fact.kept())
                : Optional.<ReferralRules.Bonus>empty();
        if (bonus.isEmpty() || !referrals.complete(referee, clock.instant())) {
            return;
        }
        String reason = bonus.get().reason();
        ledger.append(BonusEntries.bonus(referee, bonus.get().refereePoints(), reason, "referral", referee.toString(),
                program, clock.instant(), "referral:" + referee + ":referee"));
        ledger.append(BonusEntries.bonus(referrer.get(), bonus.get().referrerPoints(), reason, "referral",
                referee.toString(), program, clock.instant(), "referral:" + referee + ":referrer"));
    }
}
