package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.program.DateRange;
import io.loyaltybridge.domain.program.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.d;
import static io.loyaltybridge.domain.program.Programs.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tier timelines: activity upgrades at once, assessments downgrade after grace. */
class TierPolicyTest {
    private static final LocalDate JOINED = day("2024-01-01");

    /** earn: activity then upgrade check; assess: the assessment job. Expected tier is the one in force after. */
    record Step(boolean assess, LocalDate on, String amount, String tierAfter) {
        @Override
        public String toString() {
            return (assess ? "assess on " + on : "earn " + amount + " on " + on) + " -> " + tierAfter;
        }
    }

    static Step earn(String on, String amount, String tierAfter) {
        return new Step(false, day(on), amount, tierAfter);
    }

    static Step assess(String on, String tierAfter) {
        return new Step(true, day(on), null, tierAfter);
    }

    static Tiers calendar(Tiers.Downgrade downgrade) {
        return Programs.tiers(Tiers.Basis.POINTS, Tiers.Window.CALENDAR_YEAR, 30, downgrade, Tiers.VipMode.FLOOR);
    }

    static Tiers rolling() {
        return Programs.tiers(Tiers.Basis.POINTS, Tiers.Window.ROLLING, 30, Tiers.Downgrade.ONE_LEVEL,
                Tiers.VipMode.FLOOR);
    }

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("reaching a threshold exactly upgrades at once", calendar(Tiers.Downgrade.ONE_LEVEL),
                        List.of(earn("2024-03-01", "499", "bronze"), earn("2024-03-02", "1", "silver"),
                                earn("2024-04-01", "1500", "gold"))),
                Arguments.of("gold earned in 2024 is kept through 2025; without 2025 points it drops one level after grace",
                        calendar(Tiers.Downgrade.ONE_LEVEL),
                        List.of(earn("2024-05-01", "2000", "gold"), assess("2024-12-31", "gold"),
                                assess("2025-01-01", "gold"), assess("2026-01-01", "gold"),
                                assess("2026-01-30", "gold"), assess("2026-01-31", "silver"),
                                assess("2026-06-01", "silver"), assess("2027-01-01", "silver"),
                                assess("2027-01-31", "bronze"))),
                Arguments.of("to-qualifying downgrades go straight to the tier the member qualifies for",
                        calendar(Tiers.Downgrade.TO_QUALIFYING),
                        List.of(earn("2024-05-01", "2000", "gold"), assess("2026-01-01", "gold"),
                                assess("2026-01-31", "bronze"))),
                Arguments.of("a member who qualified last year keeps the tier at the assessment",
                        calendar(Tiers.Downgrade.ONE_LEVEL),
                        List.of(earn("2024-05-01", "2000", "gold"), assess("2025-01-01", "gold"),
                                assess("2025-03-01", "gold"))),
                Arguments.of("requalifying during the grace period keeps the tier", calendar(Tiers.Downgrade.ONE_LEVEL),
                        List.of(earn("2024-05-01", "2000", "gold"), assess("2026-01-01", "gold"),
                                earn("2026-01-10", "2000", "gold"), assess("2026-01-31", "gold"),
                                assess("2027-01-31", "gold"))),
                Arguments.of("a refund that brings the total below the threshold does not downgrade before assessment",
                        calendar(Tiers.Downgrade.ONE_LEVEL),
                        List.of(earn("2024-05-01", "600", "silver"), earn("2024-05-03", "-200", "silver"),
                                assess("2025-01-01", "silver"), assess("2025-01-31", "bronze"))),
                Arguments.of("rolling window: points drop out twelve months later, grace follows", rolling(),
                        List.of(earn("2024-03-15", "600", "silver"), assess("2025-03-15", "silver"),
                                assess("2025-03-16", "silver"), assess("2025-04-14", "silver"),
                                assess("2025-04-15", "bronze"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void tier_timelines(String scenario, Tiers rules, List<Step> steps) {
        TierPolicy policy = new TierPolicy(rules);
        TierState state = TierState.start("bronze", JOINED);
        List<Qualifying> activity = new ArrayList<>();
        for (Step step : steps) {
            if (step.assess()) {
                state = policy.assess(state, activity, step.on(), JOINED);
            } else {
                activity.add(Qualifying.points(step.on(), Long.parseLong(step.amount())));
                state = policy.upgrade(state, activity, step.on(), JOINED);
            }
            assertEquals(step.tierAfter(), policy.effectiveTier(state, step.on()), step.toString());
        }
    }

    @Test
    void spend_and_order_count_can_be_the_basis() {
        TierPolicy bySpend = new TierPolicy(Programs.tiers(Tiers.Basis.SPEND, Tiers.Window.CALENDAR_YEAR, 0,
                Tiers.Downgrade.ONE_LEVEL, Tiers.VipMode.FLOOR));
        List<Qualifying> orders = List.of(Qualifying.order(day("2024-02-01"), "499.99", 5000),
                Qualifying.order(day("2024-02-02"), "0.01", 0));
        TierState state = bySpend.upgrade(TierState.start("bronze", JOINED), orders, day("2024-02-02"), JOINED);
        assertEquals("silver", state.tier());
        TierPolicy byOrders = new TierPolicy(new Tiers(Tiers.Basis.ORDERS, Tiers.Window.CALENDAR_YEAR, 12, 0,
                Tiers.Downgrade.ONE_LEVEL, List.of(new Tiers.TierLevel("new", d("0"), d("1")),
                new Tiers.TierLevel("regular", d("2"), d("1"))), null));
        assertEquals("regular", byOrders.upgrade(TierState.start("new", JOINED), orders, day("2024-02-02"), JOINED)
                .tier());
    }

    @Test
    void anniversary_windows_start_on_the_join_day_and_a_february_29_joiner_uses_february_28() {
        TierPolicy policy = new TierPolicy(Programs.tiers(Tiers.Basis.POINTS, Tiers.Window.ANNIVERSARY, 0,
                Tiers.Downgrade.ONE_LEVEL, Tiers.VipMode.FLOOR));
        LocalDate leapJoiner = day("2024-02-29");
        assertEquals(new DateRange(day("2024-02-29"), day("2025-02-27")), policy.windowContaining(day("2025-02-27"),
                leapJoiner));
        assertEquals(new DateRange(day("2025-02-28"), day("2026-02-27")), policy.windowContaining(day("2025-02-28"),
                leapJoiner));
        assertEquals(new DateRange(day("2027-02-28"), day("2028-02-28")), policy.windowContaining(day("2028-02-28"),
                leapJoiner));
        assertEquals(new DateRange(day("2028-02-29"), day("2029-02-27")), policy.windowContaining(day("2028-02-29"),
                leapJoiner));
        assertEquals(new DateRange(day("2024-06-10"), day("2025-06-09")),
                policy.previousWindow(day("2025-06-10"), day("2020-06-10")));
    }

    static Tiers silverVip(Tiers.VipMode mode) {
        Tiers base = calendar(Tiers.Downgrade.ONE_LEVEL);
        return new Tiers(base.basis(), base.window(), 12, 30, base.downgrade(), base.levels(),
                new Tiers.Vip("silver", mode));
    }

    static TierGrant granted(String tier, Tiers.VipMode mode, String until) {
        return new TierGrant(1, tier, mode, until == null ? null : day(until), "loyal customer", "staff",
                java.time.Instant.parse("2024-01-01T00:00:00Z"), null, null, null);
    }

    @Test
    void a_floor_grant_keeps_the_member_at_least_at_the_granted_tier_but_lets_them_rise() {
        TierPolicy policy = new TierPolicy(silverVip(Tiers.VipMode.FLOOR));
        TierGrant floor = granted("silver", Tiers.VipMode.FLOOR, null);
        assertEquals("silver", policy.effectiveTier(new TierState("bronze", JOINED, null, floor), JOINED));
        assertEquals("gold", policy.effectiveTier(new TierState("gold", JOINED, null, floor), JOINED));
        assertEquals("bronze", policy.effectiveTier(new TierState("bronze", JOINED, null, null), JOINED));
    }

    @Test
    void a_pin_grant_holds_the_member_at_the_granted_tier_even_when_they_earn_more() {
        TierPolicy policy = new TierPolicy(silverVip(Tiers.VipMode.PIN));
        TierState pinned = new TierState("gold", JOINED, null, granted("silver", Tiers.VipMode.PIN, null));
        assertEquals("silver", policy.effectiveTier(pinned, JOINED));
        TierStatus status = policy.status(pinned, List.of(Qualifying.points(day("2024-02-01"), 3000)),
                day("2024-03-01"), JOINED);
        assertEquals("silver", status.tier());
        assertNull(status.nextTier());
        assertThat(status.toKeepTier()).isEqualByComparingTo("0");
        assertNull(status.tierExpiresOn());
        assertEquals(pinned.grant(), status.grant());
    }

    @Test
    void a_grant_holds_through_its_last_day_and_the_earned_tier_returns_the_day_after() {
        TierPolicy policy = new TierPolicy(silverVip(Tiers.VipMode.FLOOR));
        TierState state = new TierState("bronze", JOINED, null, granted("gold", Tiers.VipMode.FLOOR, "2024-03-31"));
        TierStatus onLastDay = policy.status(state, List.of(), day("2024-03-31"), JOINED);
        assertEquals("gold", onLastDay.tier());
        assertEquals(day("2024-04-01"), onLastDay.tierExpiresOn());
        TierStatus dayAfter = policy.status(state, List.of(), day("2024-04-01"), JOINED);
        assertEquals("bronze", dayAfter.tier());
        assertNull(dayAfter.grant());
    }

    static Stream<Arguments> statuses() {
        TierState bronze = TierState.start("bronze", JOINED);
        TierState gold = new TierState("gold", day("2024-05-01"), null, null);
        return Stream.of(
                Arguments.of("a bronze member 300 points in, in April, is projected to silver", bronze,
                        "300", "2025-04-01", "bronze", "silver", "200", "0", "silver", null),
                Arguments.of("a gold member who already kept gold this year holds it until after next year", gold,
                        "2500", "2025-06-30", "gold", "vip", "7500", "0", "gold", "2027-01-31"),
                Arguments.of("a gold member halfway there is told what keeps gold and when it goes", gold,
                        "1000", "2025-06-30", "gold", "vip", "9000", "1000", "gold", "2026-01-31"),
                Arguments.of("a gold member far behind is projected one level down", gold,
                        "500", "2025-06-30", "gold", "vip", "9500", "1500", "silver", "2026-01-31"),
                Arguments.of("a member in grace loses the tier when grace ends",
                        new TierState("gold", day("2024-05-01"), day("2025-01-01"), null),
                        "0", "2025-01-10", "gold", "vip", "10000", "2000", "silver", "2025-01-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void tier_status_per_member(String scenario, TierState state, String earnedThisYear, String today, String tier,
                                String next, String toNext, String toKeep, String projected, String expiresOn) {
        TierPolicy policy = new TierPolicy(calendar(Tiers.Downgrade.ONE_LEVEL));
        LocalDate on = day(today);
        List<Qualifying> activity = List.of(Qualifying.points(day("2024-05-01"), 2000),
                Qualifying.points(on.withDayOfYear(1), Long.parseLong(earnedThisYear)));
        TierStatus status = policy.status(state, activity, on, JOINED);
        assertEquals(tier, status.tier());
        assertEquals(next, status.nextTier());
        assertThat(status.toNextTier()).isEqualByComparingTo(toNext);
        assertThat(status.toKeepTier()).isEqualByComparingTo(toKeep);
        assertEquals(projected, status.projectedTier());
        assertEquals(expiresOn == null ? null : day(expiresOn), status.tierExpiresOn());
    }

    @Test
    void a_rolling_tier_expires_when_its_oldest_points_leave_the_window_plus_grace() {
        TierPolicy policy = new TierPolicy(rolling());
        TierState silver = new TierState("silver", day("2024-03-15"), null, null);
        List<Qualifying> activity = List.of(Qualifying.points(day("2024-03-15"), 300),
                Qualifying.points(day("2024-08-01"), 300));
        TierStatus status = policy.status(silver, activity, day("2024-09-01"), JOINED);
        // On 2025-03-16 the window ending the day before no longer holds the March points: 300 < 500.
        assertEquals(day("2025-04-15"), status.tierExpiresOn());
        assertThat(status.measured()).isEqualByComparingTo(BigDecimal.valueOf(600));
    }
}
