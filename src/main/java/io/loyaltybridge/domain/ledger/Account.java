package io.loyaltybridge.domain.ledger;

/**
 * The currencies of the ledger. Each member has one balance per account. Points wait in PENDING during an order's
 * return window and move to POINTS when it ends; CASHBACK is kept in the program currency's minor units.
 */
public enum Account {
    POINTS, CASHBACK, PENDING;

    public static Account fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
