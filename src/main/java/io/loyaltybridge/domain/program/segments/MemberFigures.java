package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One member's figures as the recompute reads them, every member in one pass ({@link SegmentStore#scan}): the
 * summary of the orders that count, the balance, the tier state, where the member stands on each RFM measure, and
 * the segments stored last (to write only what changed).
 *
 * @param tierState null when the member never had a tier assessed (they hold the lowest tier)
 * @param ranks     null without orders (such members are not scored)
 * @param stored    null before the member's first recompute
 */
public record MemberFigures(MemberId member, LocalDate joinedOn, int orders, LocalDate firstOrder,
                            LocalDate lastOrder, BigDecimal spend, Map<String, BigDecimal> spendByCategory,
                            long pointsBalance, TierState tierState, RfmRanks ranks, SegmentStore.Assigned stored) {

    /**
     * How many of the {@code scored} members (those with orders) have a strictly lower value than this member's on
     * each measure: recency (a later last order is higher), frequency (orders) and monetary (spend).
     */
    public record RfmRanks(long recencyBelow, long frequencyBelow, long monetaryBelow, long scored) {
        public RfmScore score() {
            return new RfmScore(Segmentation.score(recencyBelow, scored), Segmentation.score(frequencyBelow, scored),
                    Segmentation.score(monetaryBelow, scored));
        }
    }

    public MemberStats stats(LocalDate today, String tier) {
        return new MemberStats(member, today, joinedOn, orders, firstOrder, lastOrder, spend, spendByCategory,
                pointsBalance, tier, null);
    }
}
