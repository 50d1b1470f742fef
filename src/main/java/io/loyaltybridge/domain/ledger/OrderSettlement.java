package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.EarnResult;
import io.loyaltybridge.domain.program.PendingPoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings what an order has credited, account by account, to what it is worth now. Only differences are written,
 * so a resubmission writes nothing and a refund takes back exactly the refunded share. Points wait in PENDING
 * until the return window ends and then move to POINTS (the release); cashback is credited at once.
 * <p>
 * Every entry is keyed by the order, the occasion (a revision of its state, or that revision's release) and the
 * account, so no occasion can ever be written twice.
 */
public final class OrderSettlement {
    private OrderSettlement() {
    }

    /**
     * @param credited what the order's entries add up to now, per account
     * @param occasion {@code r<revision>} for a reported state, {@code r<revision>:release} for the release job
     */
    public static List<NewEntry> settle(StoredOrder stored, Map<Account, Long> credited, EarnResult worth,
                                        String ruleVersion, Instant now, String occasion) {
        Order order = stored.order();
        PendingPoints.Move move = PendingPoints.settle(credited.getOrDefault(Account.PENDING, 0L),
                credited.getOrDefault(Account.POINTS, 0L), worth.points(), worth.availableAt(), now);
        boolean release = move.pendingChange() < 0 && move.availableChange() > 0
                && move.availableChange() == -move.pendingChange();
        List<NewEntry> entries = new ArrayList<>();
        String prefix = "Order " + order.key().externalId() + ": ";
        if (move.pendingChange() != 0) {
            String reason = release ? prefix + (-move.pendingChange()) + " points released after the return window"
                    : move.pendingChange() > 0
                    ? prefix + move.pendingChange() + " points pending until " + worth.availableAt()
                      + " (return window). " + worth.explain()
                    : prefix + order.refundedOrCancelledWords() + ", " + (-move.pendingChange())
                      + " pending points cancelled";
            entries.add(entry(stored, Account.PENDING, move.pendingChange(), release, reason, ruleVersion,
                    move.pendingChange() > 0 ? order.placedAt() : now, occasion));
        }
        if (move.availableChange() != 0) {
            String reason = release ? prefix + move.availableChange() + " points released after the return window"
                    : move.availableChange() > 0 ? prefix + move.availableChange() + " points. " + worth.explain()
                    : prefix + order.refundedOrCancelledWords() + ", " + (-move.availableChange())
                      + " points taken back";
            Instant effective = release ? worth.availableAt() : move.availableChange() > 0 ? order.placedAt() : now;
            entries.add(entry(stored, Account.POINTS, move.availableChange(), release, reason, ruleVersion, effective,
                    occasion));
        }
        long cashback = worth.cashbackMinor() - credited.getOrDefault(Account.CASHBACK, 0L);
        if (cashback != 0) {
            String reason = cashback > 0 ? prefix + cashback + " cents cashback"
                    : prefix + order.refundedOrCancelledWords() + ", " + (-cashback) + " cents cashback taken back";
            entries.add(entry(stored, Account.CASHBACK, cashback, false, reason, ruleVersion,
                    cashback > 0 ? order.placedAt() : now, occasion));
        }
        return entries;
    }

    /** The release of an order's pending points into available points, as one keyed pair of entries. */
    public static List<NewEntry> release(StoredOrder stored, long pending, String ruleVersion, Instant now,
                                         String occasion) {
        String reason = "Order " + stored.order().key().externalId() + ": " + pending
                + " points released after the return window";
        return List.of(entry(stored, Account.PENDING, -pending, true, reason, ruleVersion, now, occasion),
                entry(stored, Account.POINTS, pending, true, reason, ruleVersion, now, occasion));
    }

    private static NewEntry entry(StoredOrder stored, Account account, long points, boolean release, String reason,
                                  String ruleVersion, Instant effectiveAt, String occasion) {
        EntryKind kind = release ? EntryKind.RELEASE : points > 0 ? EntryKind.EARN : EntryKind.REVERSE;
        Order order = stored.order();
        return new NewEntry(order.member(), account, points, kind, reason,
                new EntrySource(order.key().source(), order.key().externalId()), ruleVersion, effectiveAt,
                "order:" + stored.id() + ":" + occasion + ":" + account.wireName(), stored.id());
    }
}
