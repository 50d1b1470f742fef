package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.ledger.OrderBonuses;
import io.loyaltybridge.domain.ledger.OrderEffects;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.badges.BadgeRules;
import io.loyaltybridge.domain.program.badges.GrantedBadges;
import io.loyaltybridge.domain.program.grants.BonusEntries;
import io.loyaltybridge.domain.program.grants.Grant;
import io.loyaltybridge.domain.program.referrals.ReferralRules;
import io.loyaltybridge.domain.program.referrals.Referrals;
import io.loyaltybridge.domain.program.segments.SegmentStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Badges and referral bonuses that an order can earn. Only an order that earns counts (in the program currency or a
 * declared one, at least the minimum order, not cancelled). Badges are granted once each (with their bonus points);
 * a pending referral completes on the referee's first qualifying order and pays both sides once. A bonus caused by
 * an order still inside its return window waits in PENDING with that order's points (released with them); a refund
 * inside the window that leaves the order earning nothing cancels it, and the badge or referral can be earned again.
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
        boolean pending = worth.pendingAt(clock.instant());
        OrderFact fact = OrderFact.of(order.order(), program);
        if (!fact.earns()) {
            if (pending) {
                cancelBonuses(order);
            }
            return;
        }
        Long causedBy = pending ? order.id() : null;
        grantBadges(order.order().member(), causedBy);
        payReferral(order, fact, causedBy);
    }

    private void cancelBonuses(StoredOrder order) {
        List<OrderBonuses.Pending> pending = OrderBonuses.pending(ledger.pendingBonusesOf(order.id()));
        String why = "order " + order.order().key().externalId() + " " + order.order().refundedOrCancelledWords()
                + " inside its return window";
        OrderBonuses.cancel(pending, why, program.version(), clock.instant()).forEach(ledger::append);
        for (OrderBonuses.Pending p : pending) {
            EntrySource source = p.grant().source();
            if ("badge".equals(source.system())) {
                granted.revoke(p.grant().member(), source.id());
            } else if ("referral".equals(source.system())) {
                referrals.reopen(new MemberId(Long.parseLong(source.id())));
            }
        }
    }

    private void grantBadges(MemberId member, Long causedBy) {
        if (program.badges().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        List<OrderFact> history = facts.orderFacts(List.of(member)).getOrDefault(member, List.of());
        Set<String> held = granted.of(List.of(member)).getOrDefault(member, Set.of());
        for (BadgeRules.Grant grant : badges.newlyEarned(history, held, today)) {
            Badge badge = grant.badge();
            if (granted.grant(member, badge.id(), clock.instant()) && badge.bonusPoints() > 0) {
                ledger.append(bonus(member, badge.bonusPoints(), grant.reason(), "badge", badge.id(),
                        "badge:" + member + ":" + badge.id(), causedBy));
            }
        }
    }

    private void payReferral(StoredOrder order, OrderFact fact, Long causedBy) {
        MemberId referee = order.order().member();
        var referrer = referrals.pendingReferrerOf(referee);
        if (referrer.isEmpty()) {
            return;
        }
        // The order's amount is counted in program units against the referral's minimum.
        Optional<ReferralRules.Bonus> bonus = referralRules.bonusFor(order.order().key().externalId(), fact.kept());
        if (bonus.isEmpty() || !referrals.complete(referee, clock.instant())) {
            return;
        }
        String reason = bonus.get().reason();
        ledger.append(bonus(referee, bonus.get().refereePoints(), reason, "referral", referee.toString(),
                "referral:" + referee + ":referee", causedBy));
        ledger.append(bonus(referrer.get(), bonus.get().referrerPoints(), reason, "referral", referee.toString(),
                "referral:" + referee + ":referrer", causedBy));
    }

    /**
     * On the points account at once, or pending with the order that caused it (keyed by that order too, so a bonus
     * cancelled with one order can be earned again by another).
     */
    private NewEntry bonus(MemberId member, long points, String reason, String system, String id, String key,
                           Long causedBy) {
        if (causedBy == null) {
            return BonusEntries.bonus(member, points, reason, system, id, program, clock.instant(), key);
        }
        Instant now = clock.instant();
        return new NewEntry(member, Account.PENDING, points, EntryKind.BONUS, reason + " (pending with the order)",
                new EntrySource(system, id), program.version(), now, key + ":order:" + causedBy, causedBy);
    }
}
