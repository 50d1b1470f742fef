package io.loyaltybridge.domain.ledger;

/** A member's standing in one account: what can be spent now, and what was earned over the membership. */
public record Balance(long available, long lifetime) {
    public static final Balance ZERO = new Balance(0, 0);
}
