package io.loyaltybridge.domain.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The figures a program manager reports on, each one statement over the whole population (definitions in the
 * README, "Program figures").
 */
public interface ReportQueries {
    /**
     * Points on the points account still held in lots, per month of the day they expire, for expiry days before
     * {@code until}; lots already due but not yet written off by the expiry job count in {@code today}'s month.
     */
    Map<YearMonth, Long> expiringByMonth(LocalDate today, LocalDate until);

    /** Tier moves up and down (the tier_up / tier_down member events) per month since {@code from}. */
    List<MonthMoves> tierMoves(Instant from, ZoneId zone);

    /** Members with an earning entry (earn or bonus, any account) since {@code since}, and all members. */
    Ratio participation(Instant since);

    /** Per campaign id that gave points: what its orders are worth now. */
    List<CampaignFigures> campaigns();

    /** Per reward id redeemed: the redemptions and the counted orders placed within {@code attribution} after one. */
    List<RewardFigures> rewards(Duration attribution);

    record MonthMoves(YearMonth month, long up, long down) {
    }

    /**
     * @param members  members the campaign gave points to
     * @param orders   orders the campaign still gives points to (a full refund takes them back)
     * @param revenue  what the customers kept of those orders, in program units
     * @param points   the points the campaign gives those orders now
     */
    record CampaignFigures(String campaign, long members, long orders, BigDecimal revenue, long points) {
    }

    /**
     * @param account     the balance the reward is paid from: points, or cashback (in minor units)
     * @param amount      points (or cashback minor units) the redemptions took
     * @param orders      counted orders the redeeming members placed within the attribution window of a redemption
     * @param revenue     what the customers kept of those orders, in program units
     */
    record RewardFigures(String reward, String account, long members, long redemptions, long amount, long orders,
                         BigDecimal revenue) {
    }
}
