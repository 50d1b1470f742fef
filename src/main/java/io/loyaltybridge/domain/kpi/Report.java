package io.loyaltybridge.domain.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures a program manager reports on, at one moment (definitions in the README, "Program figures"). Money is
 * in the program currency; a money figure is null when the program declares no point value.
 *
 * @param liabilityMoney what the points liability is worth: (points + pending points) x point value + cashback
 */
public record Report(Instant asOf, String currency, BigDecimal pointValue, KpiQueries.Liability liability,
                     BigDecimal cashback, BigDecimal liabilityMoney, List<MonthExpiring> expiring,
                     List<ReportQueries.MonthMoves> tierMoves, Ratio participation, List<Campaign> campaigns,
                     List<Reward> rewards) {
    public Report {
        expiring = List.copyOf(expiring);
        tierMoves = List.copyOf(tierMoves);
        campaigns = List.copyOf(campaigns);
        rewards = List.copyOf(rewards);
    }

    /** @param money the points x point value */
    public record MonthExpiring(YearMonth month, long points, BigDecimal money) {
    }

    /** @param cost points x point value (campaigns pay no cashback); {@code returns} is revenue per unit of cost */
    public record Campaign(String id, String name, long members, long orders, BigDecimal revenue, long points,
                           BigDecimal cost) {
        public BigDecimal returns() {
            return Report.returns(revenue, cost);
        }
    }

    /**
     * @param points         points the redemptions took (0 for a cashback reward)
     * @param cashback       cashback the redemptions took, in money (0 for a points reward)
     * @param cost           points x point value + cashback
     */
    public record Reward(String id, String name, String account, long members, long redemptions, long points,
                         BigDecimal cashback, long orders, BigDecimal revenue, BigDecimal cost) {
        public BigDecimal returns() {
            return Report.returns(revenue, cost);
        }
    }

    /** Revenue per unit of cost, to two decimals; null when there is no cost to divide by. */
    static BigDecimal returns(BigDecimal revenue, BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return null;
        }
        return revenue.divide(cost, 2, RoundingMode.HALF_UP);
    }
}
