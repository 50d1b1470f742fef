package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.badges.BadgeRules;
import io.loyaltybridge.domain.program.contests.Leaderboard;
import io.loyaltybridge.domain.program.contests.LeaderboardRanking;
import io.loyaltybridge.domain.program.earning.OrderFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BadgesAndLeaderboardTest {
    private static final Badge FIRST = new Badge("first", "First order",
            new Badge.Condition(Badge.Kind.FIRST_ORDER, 0, null, 0), 50);
    private static final Badge THREE = new Badge("three", "Three orders",
            new Badge.Condition(Badge.Kind.ORDER_COUNT, 3, null, 0), 0);
    private static final Badge SPENDER = new Badge("spender", "Big spender",
            new Badge.Condition(Badge.Kind.SPEND_IN_WINDOW, 0, new BigDecimal("500"), 30), 100);
    private static final Badge STREAK = new Badge("streak", "Three months in a row",
            new Badge.Condition(Badge.Kind.MONTH_STREAK, 3, null, 0), 0);
    private final BadgeRules rules = new BadgeRules(List.of(FIRST, THREE, SPENDER, STREAK));

    static OrderFact bought(String on, String amount) {
        return OrderFact.of(day(on), amount);
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("no orders, no badges", List.of(), Set.of(), "2025-01-31", List.of()),
                Arguments.of("the first order earns the first-order badge", List.of(bought("2025-01-05", "20")),
                        Set.of(), "2025-01-31", List.of("first")),
                Arguments.of("a badge is granted only once", List.of(bought("2025-01-05", "20")), Set.of("first"),
                        "2025-01-31", List.of()),
                Arguments.of("a cancelled order does not count", List.of(bought("2025-01-05", "0")), Set.of(),
                        "2025-01-31", List.of()),
                Arguments.of("the third order earns the order-count badge", List.of(bought("2025-01-05", "20"),
                        bought("2025-01-06", "20"), bought("2025-01-07", "20")), Set.of("first"), "2025-01-31",
                        List.of("three")),
                Arguments.of("exactly 500 spent within 30 days earns the spender badge", List.of(
                        bought("2025-01-02", "300"), bought("2025-01-31", "200")), Set.of("first"), "2025-01-31",
                        List.of("spender")),
                Arguments.of("spend that has left the 30 day window does not count", List.of(
                        bought("2025-01-01", "300"), bought("2025-01-31", "200")), Set.of("first"), "2025-01-31",
                        List.of()),
                Arguments.of("orders in December, January and February are a streak across the year end", List.of(
                        bought("2024-12-31", "10"), bought("2025-01-15", "10"), bought("2025-02-01", "10")),
                        Set.of("first", "three"), "2025-02-01", List.of("streak")),
                Arguments.of("an order that earns nothing (below the minimum) counts for no badge or streak",
                        List.of(bought("2024-12-31", "10"), new OrderFact(day("2025-01-15"), new BigDecimal("3"),
                                java.util.Map.of(), false), bought("2025-02-01", "10")),
                        Set.of("first"), "2025-02-01", List.of()),
                Arguments.of("a gap month breaks the streak", List.of(bought("2024-11-30", "10"),
                        bought("2025-01-15", "10"), bought("2025-02-01", "10")), Set.of("first", "three"),
                        "2025-02-01", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void badge_scenarios(String scenario, List<OrderFact> history, Set<String> granted, String today,
                         List<String> expected) {
        assertThat(rules.newlyEarned(history, granted, day(today))).extracting(g -> g.badge().id())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void a_badge_reason_names_the_badge_and_its_bonus() {
        assertEquals("badge First order: first order on 2025-01-05, +50 points",
                rules.newlyEarned(List.of(bought("2025-01-05", "20")), Set.of(), day("2025-01-06")).get(0).reason());
    }

    @Test
    void the_leaderboard_ranks_ties_together_and_skips_the_next_position() {
        Map<MemberId, Long> totals = new LinkedHashMap<>();
        totals.put(new MemberId(5), 300L);
        totals.put(new MemberId(2), 900L);
        totals.put(new MemberId(9), 300L);
        totals.put(new MemberId(4), 100L);
        totals.put(new MemberId(1), 50L);
        List<LeaderboardRanking.Rank> ranks = LeaderboardRanking.rank(totals, 3);
        assertThat(ranks).extracting(LeaderboardRanking.Rank::position).containsExactly(1, 2, 2);
        assertThat(ranks).extracting(r -> r.member().value()).containsExactly(2L, 5L, 9L);
        assertThat(LeaderboardRanking.rank(totals, 4)).extracting(LeaderboardRanking.Rank::position)
                .containsExactly(1, 2, 2, 4);
    }

    @Test
    void the_leaderboard_period_is_the_calendar_month_or_quarter_containing_today() {
        assertEquals(new DateRange(day("2024-02-01"), day("2024-02-29")),
                LeaderboardRanking.periodOf(new Leaderboard(CalendarPeriod.MONTH, 10), day("2024-02-15")));
        assertEquals(new DateRange(day("2025-10-01"), day("2025-12-31")),
                LeaderboardRanking.periodOf(new Leaderboard(CalendarPeriod.QUARTER, 10), day("2025-11-15")));
    }
}
