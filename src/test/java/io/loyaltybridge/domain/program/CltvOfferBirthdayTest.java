package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.earning.Earning;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.grants.BirthdayBonus;
import io.loyaltybridge.domain.program.segments.Cltv;
import io.loyaltybridge.domain.program.segments.CltvCalculator;
import io.loyaltybridge.domain.program.segments.CltvValue;
import io.loyaltybridge.domain.program.segments.MemberStats;
import io.loyaltybridge.domain.program.segments.NextBestOffer;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.Segments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static io.loyaltybridge.domain.program.Programs.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CltvOfferBirthdayTest {
    private static MemberStats quarterly(String today) {
        List<OrderFact> orders = List.of(OrderFact.of(day("2024-01-01"), "50"), OrderFact.of(day("2024-04-01"), "50"),
                OrderFact.of(day("2024-07-01"), "50"), OrderFact.of(day("2024-10-01"), "50"));
        return MemberStats.of(new MemberId(1), day(today), day("2023-06-01"), orders, 0, "bronze");
    }

    @Test
    void an_active_quarterly_customer_is_worth_their_history_plus_three_more_years_at_their_pace() {
        CltvValue value = new CltvCalculator(Cltv.defaults(), Segments.defaults()).of(quarterly("2024-12-31"));
        assertThat(value.historic()).isEqualByComparingTo("200");
        assertThat(value.averageOrderValue()).isEqualByComparingTo("50");
        assertThat(value.ordersPerYear()).isEqualByComparingTo("4.00"); // 4 orders over 365 days
        assertThat(value.remainingYears()).isEqualByComparingTo("3");
        assertThat(value.predicted()).isEqualByComparingTo("600.41"); // 50 x 4.00274 x 3
        assertThat(value.total()).isEqualByComparingTo("800.41");
    }

    @Test
    void a_customer_silent_for_four_intervals_keeps_a_quarter_of_the_expected_lifetime() {
        CltvValue value = new CltvCalculator(Cltv.defaults(), Segments.defaults()).of(quarterly("2025-09-30"));
        assertThat(value.remainingYears()).isEqualByComparingTo("0.75"); // 3 / (364 / 91.33)
        assertThat(value.predicted()).isEqualByComparingTo("86.09");
    }

    @Test
    void a_new_customer_is_measured_over_the_minimum_observed_days_and_a_member_without_orders_is_worth_nothing() {
        MemberStats fresh = MemberStats.of(new MemberId(1), day("2025-01-10"), day("2025-01-01"),
                List.of(OrderFact.of(day("2025-01-09"), "100")), 0, "bronze");
        CltvValue value = new CltvCalculator(Cltv.defaults(), Segments.defaults()).of(fresh);
        assertThat(value.ordersPerYear()).isEqualByComparingTo("4.06"); // 1 order over 90 days, not over 1 day
        MemberStats none = MemberStats.of(new MemberId(2), day("2025-01-10"), day("2025-01-01"), List.of(), 0,
                "bronze");
        assertThat(new CltvCalculator(Cltv.defaults(), Segments.defaults()).of(none).total())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static Program withOffers() {
        Program base = Programs.sample();
        Campaign winBack = new Campaign("win-back", "We missed you", day("2025-01-01"), day("2025-12-31"), null, 200,
                Set.of(), Set.of("at-risk"), 200L);
        Earning earning = Programs.earning(List.of(winBack));
        return new Program(base.version(), base.name(), base.zone(), base.currency(), earning, base.cashback(),
                base.rewards(), base.expiry(), base.tiers(), base.referral(), base.partners(), base.badges(),
                base.leaderboard(), base.segments(), base.cltv(), List.of(
                new Offer("lounge-for-gold", Offer.Kind.REWARD, "lounge", Set.of("gold"), Set.of(), Set.of(), "Relax"),
                new Offer("come-back", Offer.Kind.CAMPAIGN, "win-back", Set.of(), Set.of("at-risk"), Set.of(),
                        "Come back"),
                new Offer("coffee-for-shoe-fans", Offer.Kind.REWARD, "coffee", Set.of(), Set.of(), Set.of("shoes"),
                        "Coffee while you try shoes"),
                new Offer("coffee", Offer.Kind.REWARD, "coffee", Set.of(), Set.of(), Set.of(), "Have a coffee")),
                base.events(), base.jobs());
    }

    @ParameterizedTest(name = "a {0} member in {1} who likes {2} with {3} points on {4} is offered {5}")
    @CsvSource({
            "gold, champions, tees, 2000, 2025-05-01, lounge-for-gold",
            "gold, champions, tees, 900, 2025-05-01, coffee",
            "bronze, at-risk, tees, 0, 2025-05-01, come-back",
            "bronze, at-risk, tees, 0, 2026-01-01, ''",
            "bronze, loyal, shoes, 500, 2025-05-01, coffee-for-shoe-fans",
            "bronze, loyal, tees, 100, 2025-05-01, ''"})
    void the_next_best_offer_is_the_most_specific_one_that_fits(String tier, String segment, String category,
                                                                long points, String today, String expected) {
        assertEquals(expected, new NextBestOffer(withOffers()).pick(tier, Set.of(segment), category, points,
                day(today)).map(Offer::id).orElse(""));
    }

    @ParameterizedTest(name = "born {0}, at {1} in {2}: birthday {3}")
    @CsvSource({
            "1990-06-15, 2025-06-15T10:00:00Z, Europe/Paris, true",
            "1990-06-15, 2025-06-14T22:30:00Z, Europe/Paris, true",
            "1990-06-15, 2025-06-14T22:30:00Z, UTC, false",
            "1990-06-15, 2025-06-15T05:00:00Z, America/Los_Angeles, false",
            "1990-06-15, 2025-06-16T05:00:00Z, America/Los_Angeles, true",
            "1992-02-29, 2025-02-28T12:00:00Z, Europe/Paris, true",
            "1992-02-29, 2025-03-01T12:00:00Z, Europe/Paris, false",
            "1992-02-29, 2028-02-28T12:00:00Z, Europe/Paris, false",
            "1992-02-29, 2028-02-29T12:00:00Z, Europe/Paris, true",
            "1990-12-31, 2025-12-31T23:30:00Z, Europe/Paris, false",
            "1990-12-31, 2025-12-31T22:30:00Z, Europe/Paris, true"})
    void birthdays_are_read_in_the_program_zone_and_february_29_falls_on_february_28(String born, String now,
                                                                                      String zone, boolean expected) {
        assertEquals(expected, BirthdayBonus.isBirthday(day(born), Instant.parse(now), ZoneId.of(zone)));
    }

    @Test
    void aRunGrantsEveryDaySinceTheLastSuccessfulRunAndAFirstRunOnlyToday() {
        assertThat(BirthdayBonus.daysToGrant(day("2025-06-14"), day("2025-06-17")))
                .containsExactly(day("2025-06-15"), day("2025-06-16"), day("2025-06-17"));
        assertThat(BirthdayBonus.daysToGrant(day("2025-06-17"), day("2025-06-17"))).as("ran today already").isEmpty();
        assertThat(BirthdayBonus.daysToGrant(null, day("2025-06-17"))).containsExactly(day("2025-06-17"));
        assertThat(BirthdayBonus.daysToGrant(day("2020-01-01"), day("2025-06-17")))
                .hasSize(BirthdayBonus.MAX_CATCH_UP_DAYS).endsWith(day("2025-06-17"));
    }

    @Test
    void february29IsCelebratedOnFebruary28OnlyInCommonYears() {
        assertThat(BirthdayBonus.celebratedOn(day("2027-02-28")))
                .containsExactly(java.time.MonthDay.of(2, 28), java.time.MonthDay.of(2, 29));
        assertThat(BirthdayBonus.celebratedOn(day("2028-02-28"))).containsExactly(java.time.MonthDay.of(2, 28));
        assertThat(BirthdayBonus.celebratedOn(day("2028-02-29"))).containsExactly(java.time.MonthDay.of(2, 29));
    }
}
