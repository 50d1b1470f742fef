package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.earning.EarnResult;
import io.loyaltybridge.domain.program.earning.PendingPoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings what an order has credited, account by account, to what it is worth now. Only differences are written,
 * so a resubmission writes nothing and a refund takes back exactly the refunded share. Points wait in PENDING
 * until the return window ends and then move to POINTS (the release); cashback waits in PENDING_CASHBACK and moves
 * to CASHBACK by the same rule and the same release.
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
        PendingPoints.Move cash = PendingPoints.settle(credited.getOrDefault(Account.PENDING_CASHBACK, 0L),
                credited.getOrDefault(Account.CASHBACK, 0L), worth.cashbackMinor(), worth.availableAt(), now);
        cashback(stored, cash.pendingChange(), Account.PENDING_CASHBACK, " cents cashback pending until "
                + worth.availableAt() + " (return window)", ruleVersion, now, occasion, entries);
        cashback(stored, cash.availableChange(), Account.CASHBACK, " cents cashback", ruleVersion, now, occasion,
                entries);
        return entries;
    }

    private static void cashback(StoredOrder stored, long change, Account account, String credit, String ruleVersion,
                                 Instant now, String occasion, List<NewEntry> entries) {
        if (change == 0) {
            return;
        }
        Order order = stored.order();
        String prefix = "Order " + order.key().externalId() + ": ";
        String reason = change > 0 ? prefix + change + credit
                : prefix + order.refundedOrCancelledWords() + ", " + (-change) + " cents "
                  + (account == Account.PENDING_CASHBACK ? "pending cashback cancelled" : "cashback taken back");
        entries.add(entry(stored, account, change, false, reason, ruleVersion, change > 0 ? order.placedAt() : now,
                occasion));
    }

    /**
     * The release of an order's pending points and pending cashback into the available balances, as keyed pairs of
     * entries (a pair only for an account that has something pending).
     */
    public static List<NewEntry> release(StoredOrder stored, long pending, long pendingCashback, String ruleVersion,
                                         Instant now, String occasion) {
        String prefix = "Order " + stored.order().key().externalId() + ": ";
        List<NewEntry> entries = new ArrayList<>();
        if (pending > 0) {
            String reason = prefix + pending + " points released after the return window";
            entries.add(entry(stored, Account.PENDING, -pending, true, reason, ruleVersion, now, occasion));
            entries.add(entry(stored, Account.POINTS, pending, true, reason, ruleVersion, now, occasion));
        }
        if (pendingCashback > 0) {
            String reason = prefix + pendingCashback + " cents cashback released after the return window";
            entries.add(entry(stored, Account.PENDING_CASHBACK, -pendingCashback, true, reason, ruleVersion, now,
                    occasion));
            entries.add(entry(stored, Account.CASHBACK, pendingCashback, true, reason, ruleVersion, now, occasion));
        }
        return entries;
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
