package io.loyaltybridge.domain.ledger;

import java.util.Locale;

/** Why points moved. Lifetime points count what was earned, so spending and expiry do not lower them. */
public enum EntryKind {
    EARN(true), REVERSE(true), BONUS(true), ADJUST(true), RELEASE(true), REDEEM(false), EXPIRE(false);

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
