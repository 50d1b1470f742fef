package io.loyaltybridge.domain.program.badges;

import io.loyaltybridge.domain.program.earning.OrderFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which badges a member has newly earned. Conditions are evaluated over the member's order history up to today;
 * a badge already granted is never granted again, so running this after every order (or nightly) is safe.
 * Cancelled and fully refunded orders do not count.
 */
public final class BadgeRules {
    private final List<Badge> badges;

    public BadgeRules(List<Badge> badges) {
        this.badges = List.copyOf(badges);
    }

    public record Grant(Badge badge, String reason) {
    }

    public List<Grant> newlyEarned(List<OrderFact> history, Set<String> alreadyGranted, LocalDate today) {
        List<OrderFact> orders = history.stream().filter(OrderFact::earns).filter(o -> !o.on().isAfter(today))
                .sorted((a, b) -> a.on().compareTo(b.on())).toList();
        List<Grant> grants = new ArrayList<>();
        for (Badge badge : badges) {
            if (!alreadyGranted.contains(badge.id())) {
                reason(badge.condition(), orders, today).ifPresent(why -> grants.add(new Grant(badge,
                        "badge " + badge.name() + ": " + why
                                + (badge.bonusPoints() > 0 ? ", +" + badge.bonusPoints() + " points" : ""))));
            }
        }
        return grants;
    }

    private static Optional<String> reason(Badge.Condition condition, List<OrderFact> orders, LocalDate today) {
        return switch (condition.kind()) {
            case FIRST_ORDER -> orders.isEmpty() ? Optional.empty()
                    : Optional.of("first order on " + orders.get(0).on());
            case ORDER_COUNT -> orders.size() < condition.count() ? Optional.empty()
                    : Optional.of(condition.count() + " orders, reached on " + orders.get(condition.count() - 1).on());
            case SPEND_IN_WINDOW -> {
                LocalDate from = today.minusDays(condition.days() - 1L);
                BigDecimal spend = orders.stream().filter(o -> !o.on().isBefore(from)).map(OrderFact::kept)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                yield spend.compareTo(condition.amount()) < 0 ? Optional.empty()
                        : Optional.of(spend.toPlainString() + " spent in the last " + condition.days() + " days");
            }
            case MONTH_STREAK -> {
                int longest = longestMonthStreak(orders);
                yield longest < condition.count() ? Optional.empty()
                        : Optional.of("an order in " + longest + " months in a row");
            }
        };
    }

    /** The longest run of consecutive calendar months that each have at least one order. */
    public static int longestMonthStreak(List<OrderFact> orders) {
        TreeSet<YearMonth> months = new TreeSet<>();
        orders.stream().filter(OrderFact::earns).forEach(o -> months.add(YearMonth.from(o.on())));
        int longest = 0;
        int run = 0;
        YearMonth previous = null;
        for (YearMonth month : months) {
            run = previous != null && previous.plusMonths(1).equals(month) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = month;
        }
        return longest;
    }
}
