package io.loyaltybridge.domain.kpi;

import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The program's figures as the store aggregates them: each method is one query over the whole population, so the
 * status page costs the same few statements with ten members or ten million.
 */
public interface KpiQueries {
    /**
     * Members per stored tier, leaving out those with a staff tier grant not ended (see {@link #grantedTierStates});
     * members never assigned one are counted in {@code lowestTier}.
     */
    Map<String, Long> membersByTier(String lowestTier);

    /**
     * The tier state (earned tier and grant) of every member with a staff tier grant not ended: whether the grant
     * still holds today, and what tier it makes, is the program's rule, not the store's. Grants are few.
     */
    List<TierState> grantedTierStates(String lowestTier);

    /** Members per segment name (RFM and custom alike), as the segments job last stored them. */
    Map<String, Long> segmentSizes();

    /** Points issued, redeemed and expired on the points account per month of effective time since {@code from}. */
    List<MonthPoints> pointsByMonth(Instant from, ZoneId zone);

    /** What the program owes its members right now. */
    Liability liability();

    /** Members by purchase history around {@code now}; windows are {@code window} long, counted back from now. */
    Purchasers purchasers(Instant now, java.time.Duration window);

    /**
     * Points on the points account in one month, all as positive numbers.
     *
     * @param issued   earn, release, bonus and positive adjust entries
     * @param redeemed redeem entries
     * @param expired  expire entries
     */
    record MonthPoints(YearMonth month, long issued, long redeemed, long expired) {
        public static MonthPoints none(YearMonth month) {
            return new MonthPoints(month, 0, 0, 0);
        }
    }

    /** Balances summed over members; a member's negative balance counts as zero (a debt offsets nobody's points). */
    record Liability(long points, long pendingPoints, long cashbackMinor) {
    }

    /**
     * Counted orders only (something was kept, in the program currency or one it declares a rate for: not
     * cancelled, not fully refunded).
     *
     * @param buyers       members with at least one counted order
     * @param repeatBuyers members with at least two
     * @param active       members with one in the last window
     * @param activeBefore members with one in the window before that
     * @param retained     members with one in both windows
     */
    record Purchasers(long buyers, long repeatBuyers, long active, long activeBefore, long retained) {
    }
}
