package io.loyaltybridge.domain.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The program's figures at one moment, as the status page shows them. Every definition is in the README.
 *
 * @param months      the last twelve months in the program's time zone, oldest first, empty months included
 * @param cashbackDigits fraction digits of the program currency, to show cashback (kept in minor units) in money
 */
public record Kpis(Instant asOf, long members, List<TierCount> tiers, List<SegmentCount> segments,
                   List<KpiQueries.MonthPoints> months, KpiQueries.Liability liability, int cashbackDigits,
                   Ratio repeatPurchaseRate, Ratio retentionRate, long activeMembers) {
    public Kpis {
        tiers = List.copyOf(tiers);
        segments = List.copyOf(segments);
        months = List.copyOf(months);
    }

    public record TierCount(String tier, long members) {
    }

    /** @param custom true for a segment declared in the program file, false for an RFM segment */
    public record SegmentCount(String segment, boolean custom, long members) {
    }

    public long issued() {
        return months.stream().mapToLong(KpiQueries.MonthPoints::issued).sum();
    }

    public long redeemed() {
        return months.stream().mapToLong(KpiQueries.MonthPoints::redeemed).sum();
    }

    /** Points redeemed over points issued in the same twelve months. */
    public Ratio redemptionRate() {
        return new Ratio(redeemed(), issued());
    }

    public long expired() {
        return months.stream().mapToLong(KpiQueries.MonthPoints::expired).sum();
    }
}
