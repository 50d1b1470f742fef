package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.OrderFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's purchase summary as of {@code today}: the input of segments, custom segment conditions, CLTV and
 * next-best offers. Only orders that count ({@link OrderFact#counts()}) are summarised. Rules need only how many
 * orders counted and the first and last day, so that is all a summary keeps: the recompute builds one per member
 * from per-member aggregates ({@link SegmentStore#scan}) without ever holding a member's orders.
 *
 * @param orders     orders that count, up to today
 * @param firstOrder day of the first of them; null without orders
 * @param lastOrder  day of the last of them; null without orders
 * @param rfmSegment filled in by {@link Segmentation} so custom segments can refer to it; null before
 */
public record MemberStats(MemberId member, LocalDate today, LocalDate joinedOn, int orders, LocalDate firstOrder,
                          LocalDate lastOrder, BigDecimal spend, Map<String, BigDecimal> spendByCategory,
                          long pointsBalance, String tier, String rfmSegment) {
    public MemberStats {
        spendByCategory = Map.copyOf(spendByCategory);
    }

    public static MemberStats of(MemberId member, LocalDate today, LocalDate joinedOn, List<OrderFact> history,
                                 long pointsBalance, String tier) {
        List<OrderFact> counted = history.stream().filter(OrderFact::counts).filter(f -> !f.on().isAfter(today))
                .toList();
        BigDecimal spend = counted.stream().map(OrderFact::kept).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> byCategory = new HashMap<>();
        counted.forEach(f -> f.spendByCategory().forEach((c, a) -> byCategory.merge(c, a, BigDecimal::add)));
        List<LocalDate> days = counted.stream().map(OrderFact::on).sorted().toList();
        return new MemberStats(member, today, joinedOn, days.size(), days.isEmpty() ? null : days.get(0),
                days.isEmpty() ? null : days.get(days.size() - 1), spend, byCategory, pointsBalance, tier, null);
    }

    public MemberStats withRfmSegment(String segment) {
        return new MemberStats(member, today, joinedOn, orders, firstOrder, lastOrder, spend, spendByCategory,
                pointsBalance, tier, segment);
    }

    public Long daysSinceLastOrder() {
        return orders == 0 ? null : ChronoUnit.DAYS.between(lastOrder, today);
    }

    public BigDecimal averageOrderValue() {
        return orders == 0 ? BigDecimal.ZERO
                : spend.divide(BigDecimal.valueOf(orders()), 2, RoundingMode.HALF_EVEN);
    }

    /** The category with most spend; ties go to the alphabetically first, so the answer is stable. Null if none. */
    public String preferredCategory() {
        return spendByCategory.entrySet().stream()
                .filter(e -> e.getValue().signum() > 0)
                .min(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The value of a field of the custom segment language; null when the member has none (e.g. no order yet). */
    public Object field(String name) {
        return switch (name) {
            case "orders" -> BigDecimal.valueOf(orders());
            case "spend" -> spend;
            case "averageOrderValue" -> averageOrderValue();
            case "daysSinceLastOrder" -> orders == 0 ? null : BigDecimal.valueOf(daysSinceLastOrder());
            case "daysSinceJoined" -> BigDecimal.valueOf(ChronoUnit.DAYS.between(joinedOn, today));
            case "pointsBalance" -> BigDecimal.valueOf(pointsBalance);
            case "tier" -> tier;
            case "preferredCategory" -> preferredCategory();
            case "rfmSegment" -> rfmSegment;
            default -> throw new IllegalArgumentException("unknown member field: " + name);
        };
    }
}
