package io.loyaltybridge.domain.whatif;

/**
 * A member's standing at the end of a replay: available points, pending points, cashback and pending cashback (in
 * the program currency's minor units) and the earned tier.
 */
public record Figures(long points, long pending, long cashbackMinor, long pendingCashbackMinor, String tier) {
    /** Points the member is owed, pending included; a negative balance owes nothing. */
    public long liabilityPoints() {
        return Math.max(0, points) + pending;
    }

    /** Cashback the member is owed, pending included. */
    public long liabilityCashbackMinor() {
        return Math.max(0, cashbackMinor) + pendingCashbackMinor;
    }
}
