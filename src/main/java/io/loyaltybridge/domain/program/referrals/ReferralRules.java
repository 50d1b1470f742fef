package io.loyaltybridge.domain.program.referrals;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a referral may be recorded, and what a referee's order pays out. A referral is refused when it is the
 * same person (same member, same email ignoring case, or a shared CRM identity), when the referee was already
 * referred, or when it would close a loop (the referrer was, directly or through others, referred by the referee).
 */
public final class ReferralRules {
    private final Referral rules;

    public ReferralRules(Referral rules) {
        this.rules = rules;
    }

    public record Bonus(long referrerPoints, long refereePoints, String reason) {
    }

    /**
     * Every reason the referral is refused; empty when it may be recorded.
     *
     * @param referredBy who referred whom so far (referee to referrer)
     */
    public List<String> refusals(ReferralParty referrer, ReferralParty referee, Map<MemberId, MemberId> referredBy) {
        List<String> problems = new ArrayList<>();
        if (!rules.enabled()) {
            problems.add("the program has no referrals");
        }
        if (referrer.id().equals(referee.id())) {
            problems.add("a member cannot refer themselves");
        } else if (referrer.email() != null && referrer.email().equals(referee.email())) {
            problems.add("referrer and referee have the same email address");
        }
        if (!referrer.id().equals(referee.id()) && referrer.identities().stream()
                .anyMatch(referee.identities()::contains)) {
            problems.add("referrer and referee share a CRM record");
        }
        if (referredBy.containsKey(referee.id())) {
            problems.add("the referee was already referred");
        }
        if (leadsTo(referrer.id(), referee.id(), referredBy)) {
            problems.add("the referee is already up the referrer's referral chain: this would make a loop");
        }
        return problems;
    }

    /** Bonuses for the referee's order when it is their first qualifying one; empty otherwise. */
    public Optional<Bonus> bonusFor(Order order, int earlierQualifyingOrders) {
        return earlierQualifyingOrders > 0 ? Optional.empty()
                : bonusFor(order.key().externalId(), order.keptAmount());
    }

    /** The bonus for a referee's first earning order, which kept {@code kept} program units. */
    public Optional<Bonus> bonusFor(String orderId, java.math.BigDecimal kept) {
        boolean qualifies = kept.signum() > 0 && kept.compareTo(rules.minimumOrder()) >= 0;
        if (!rules.enabled() || !qualifies) {
            return Optional.empty();
        }
        return Optional.of(new Bonus(rules.referrerBonus(), rules.refereeBonus(),
                "referral: first qualifying order " + orderId));
    }

    private static boolean leadsTo(MemberId from, MemberId target, Map<MemberId, MemberId> referredBy) {
        Set<MemberId> seen = new HashSet<>();
        MemberId current = referredBy.get(from);
        while (current != null && seen.add(current)) {
            if (current.equals(target)) {
                return true;
            }
            current = referredBy.get(current);
        }
        return false;
    }
}
