package io.loyaltybridge.domain.ledger;

import java.util.Locale;

/**
 * Why points moved. Lifetime points are what the member earned: from orders (earned at once or released after the
 * return window), partners, events, badges and referrals, less what refunds took back. Staff adjustments are
 * corrections rather than earning, and spending and expiry do not undo earning, so none of those move them.
 */
public enum EntryKind {
    EARN(true), REVERSE(true), BONUS(true), ADJUST(false), RELEASE(true), REDEEM(false), EXPIRE(false);

    private final boolean countsAsEarned;

    EntryKind(boolean countsAsEarned) {
        this.countsAsEarned = countsAsEarned;
    }

    public boolean countsAsEarned() {
        return countsAsEarned;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
