package io.loyaltybridge.domain.ledger;

/** The currencies of the ledger. Each member has one balance per account. */
public enum Account {
    POINTS, CASHBACK;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
