package io.loyaltybridge.domain.program.earning;

import java.time.Instant;

/**
 * Splits an order's points between pending and available. Until the return window ends, everything the order is
 * worth is pending (a refund inside the window just shrinks or cancels it, the member never saw the points); from
 * {@code availableAt} on, everything is available (a later refund takes points back from the available balance).
 * Callers write the two changes as ledger entries; rerunning with the same figures gives no change.
 */
public final class PendingPoints {
    private PendingPoints() {
    }

    /** Changes to apply to the order's pending and available points; both zero when nothing is due. */
    public record Move(long pendingChange, long availableChange) {
        public boolean isNone() {
            return pendingChange == 0 && availableChange == 0;
        }
    }

    public static Move settle(long pendingNow, long availableNow, long worth, Instant availableAt, Instant now) {
        if (now.isBefore(availableAt)) {
            return new Move(worth - pendingNow, -availableNow);
        }
        return new Move(-pendingNow, worth - availableNow);
    }
}
