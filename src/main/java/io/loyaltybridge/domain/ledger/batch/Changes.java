package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.notify.MemberEvent;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the settlement of one batch wrote, in memory, for the store to write with one statement per table.
 *
 * @param newOrders      orders first seen in this batch, in their final state
 * @param changedOrders  held orders whose state or earning changed, in their final state
 * @param earnings       what each new or changed order is worth now, by order id
 * @param entries        the ledger entries appended, in order (their ids are provisional)
 * @param balanceMoves   per member and account: the change of available points and of lifetime earned
 * @param campaignPoints per member: the change of each campaign's total (zero changes kept: the row exists)
 * @param tiers          tier states saved that differ from the stored ones
 * @param badgesGranted  badges held now and not before, with when they were granted
 * @param badgesRevoked  badges held before and not now
 * @param referrals      referrals whose completion changed, by referee (completedAt null: reopened)
 * @param events         the member events recorded, in order
 */
public record Changes(List<StoredOrder> newOrders, List<StoredOrder> changedOrders, Map<Long, Earning> earnings,
                      List<LedgerEntry> entries, Map<MemberId, Map<Account, long[]>> balanceMoves,
                      Map<MemberId, Map<String, Long>> campaignPoints, Map<MemberId, TierState> tiers,
                      Map<MemberId, Map<String, Instant>> badgesGranted, Map<MemberId, Set<String>> badgesRevoked,
                      Map<MemberId, Snapshot.Referral> referrals, List<MemberEvent> events) {

    /** What an order is worth now: recorded by the settlement with the context it was first settled in. */
    public record Earning(long points, Instant availableAt) {
    }
}
