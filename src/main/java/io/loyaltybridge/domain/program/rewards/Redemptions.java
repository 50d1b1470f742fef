package io.loyaltybridge.domain.program.rewards;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.Cashback;

/**
 * Whether a member may redeem, and what the redeem entry moves. Pure: the caller reads the balance and writes the
 * REDEEM entry (negative {@code debit} on {@code account}) in one transaction.
 */
public final class Redemptions {
    private final Program program;

    public Redemptions(Program program) {
        this.program = program;
    }

    /** The outcome; when refused, {@code debit} is 0 and {@code message} says why. */
    public record Decision(boolean granted, Account account, long debit, String granting, String message) {
        static Decision refused(Account account, String why) {
            return new Decision(false, account, 0, null, why);
        }
    }

    public Decision redeemReward(String rewardId, String tier, long balance) {
        Reward reward = program.reward(rewardId).orElse(null);
        if (reward == null) {
            return Decision.refused(Account.POINTS, "no reward " + rewardId + " in the catalogue");
        }
        if (!reward.tiers().isEmpty() && !reward.tiers().contains(tier)) {
            return Decision.refused(reward.account(), reward.name() + " is for " + String.join(", ",
                    reward.tiers().stream().sorted().toList()) + " members");
        }
        if (balance < reward.cost()) {
            return Decision.refused(reward.account(), reward.name() + " costs " + reward.cost() + ", balance is "
                    + balance);
        }
        return new Decision(true, reward.account(), reward.cost(), reward.grants(),
                "redeemed " + reward.name() + " for " + reward.cost());
    }

    /** Cashback paid out in minor units, from at least the program's minimum, never more than the balance. */
    public Decision redeemCashback(long amountMinor, long balanceMinor) {
        Cashback rule = program.cashback();
        if (rule == null || !rule.enabled()) {
            return Decision.refused(Account.CASHBACK, "the program has no cashback");
        }
        if (amountMinor <= 0 || amountMinor < rule.minimumRedeemMinor()) {
            return Decision.refused(Account.CASHBACK, "the smallest cashback redemption is "
                    + rule.minimumRedeemMinor());
        }
        if (amountMinor > balanceMinor) {
            return Decision.refused(Account.CASHBACK, "cashback balance is " + balanceMinor);
        }
        return new Decision(true, Account.CASHBACK, amountMinor, amountMinor + " " + program.currency()
                + " minor units of cashback", "cashback paid out: " + amountMinor);
    }
}
