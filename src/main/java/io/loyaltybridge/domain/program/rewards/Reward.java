package io.loyaltybridge.domain.program.rewards;

import io.loyaltybridge.domain.ledger.Account;

import java.util.Set;

/**
 * A catalogue reward. {@code cost} is in points, or in cashback minor units when {@code account} is CASHBACK.
 *
 * @param grants what the member receives, in words returned to the caller and written in the redeem entry
 * @param tiers  only members in these tiers may redeem it; empty means every tier
 */
public record Reward(String id, String name, Account account, long cost, String grants, Set<String> tiers) {
    public Reward {
        tiers = Set.copyOf(tiers);
    }
}
