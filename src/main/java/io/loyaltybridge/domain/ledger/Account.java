package io.loyaltybridge.domain.ledger;

/**
 * The currencies of the ledger. Each member has one balance per account. Points wait in PENDING during an order's
 * return window and move to POINTS when it ends; cashback, kept in the program currency's minor units, waits the same
 * way in PENDING_CASHBACK and moves to CASHBACK, so nothing can be cashed out of an order that may still be returned.
 */
public enum Account {
    POINTS, CASHBACK, PENDING, PENDING_CASHBACK;

    public static Account fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
