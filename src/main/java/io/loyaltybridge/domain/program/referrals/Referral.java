package io.loyaltybridge.domain.program.referrals;

import java.math.BigDecimal;

/**
 * Refer-a-friend: when the referee's first qualifying order arrives, both sides get their bonus.
 *
 * @param minimumOrder the smallest order total (program currency) that qualifies
 */
public record Referral(boolean enabled, long referrerBonus, long refereeBonus, BigDecimal minimumOrder) {
    public static Referral off() {
        return new Referral(false, 0, 0, BigDecimal.ZERO);
    }
}
