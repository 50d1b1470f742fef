package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.tiers.Qualifying;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the settlement of one batch of orders reads, loaded up front for the batch's members in a fixed number
 * of statements (the store's {@code PgSettlementSnapshot}), with those members and the batch's held orders locked.
 *
 * @param members        the batch's members (locked) and when each joined
 * @param held           the batch's orders already held, by key (locked)
 * @param history        every order of the batch's members, held ones included, without lines (badges and tier
 *                       qualification count only their days, money and points; a held order's lines are in
 *                       {@code held})
 * @param entriesByOrder the ledger entries of the held orders, oldest first
 * @param grants         each member's qualifying point grants that are not an order's own, from {@code grantsFrom}
 * @param newOrderIds    order ids reserved for the batch's new orders, used in turn
 */
public record Snapshot(Map<MemberId, Instant> members, Map<OrderKey, StoredOrder> held,
                       Map<MemberId, List<PastOrder>> history,
                       Map<Long, List<LedgerEntry>> entriesByOrder, Map<MemberId, TierState> tiers,
                       Map<MemberId, Set<String>> segments, Map<MemberId, Map<String, Long>> campaignPoints,
                       Map<MemberId, Set<String>> badges, Map<MemberId, Referral> referrals,
                       Map<MemberId, List<Qualifying>> grants, LocalDate grantsFrom, List<Long> newOrderIds) {

    /**
     * An order of a batch's member as stored, for what badges and tier qualification count of it: its order without
     * lines (so spend by category is not known: settling reads none) and what it is worth now.
     */
    public record PastOrder(long id, Order order, long earnedPoints) {
    }

    /** A referral by its referee: who referred them, and when it paid out (null while pending). */
    public record Referral(MemberId referrer, Instant completedAt) {
    }
}
