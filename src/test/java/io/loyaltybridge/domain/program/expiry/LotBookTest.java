package io.loyaltybridge.domain.program.expiry;

import io.loyaltybridge.domain.program.CalendarPeriod;
import io.loyaltybridge.domain.program.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timelines of earning, spending and expiring lots under each expiry model. */
class LotBookTest {
    private static final Expiry TWELVE_MONTHS = new Expiry(Expiry.ExpiryModel.FIXED_MONTHS, 12, CalendarPeriod.YEAR,
            0, 30);
    private static final Expiry SIX_MONTHS_INACTIVE = new Expiry(Expiry.ExpiryModel.AFTER_LAST_ACTIVITY, 6,
            CalendarPeriod.YEAR, 0, 30);
    private static final Expiry END_OF_NEXT_YEAR = new Expiry(Expiry.ExpiryModel.END_OF_PERIOD, 0,
            CalendarPeriod.YEAR, 1, 30);
    private static final Expiry END_OF_QUARTER = new Expiry(Expiry.ExpiryModel.END_OF_PERIOD, 0,
            CalendarPeriod.QUARTER, 0, 30);

    /** A step of the timeline and the available balance right after it. */
    record Step(String what, UnaryOperator<LotBook> action, long available) {
    }

    static Step earn(String on, long points, long available) {
        return new Step("earn " + points + " on " + on, b -> b.earn("order-" + on, day(on), points), available);
    }

    static Step spend(String on, long points, long available) {
        return new Step("spend " + points + " on " + on, b -> b.spend(day(on), points), available);
    }

    static Step reverse(String source, String on, long points, long available) {
        return new Step("reverse " + points + " of " + source, b -> b.reverse(source, day(on), points), available);
    }

    static Step expireOn(String on, long available) {
        return new Step("expiry job on " + on, b -> b.expire(day(on)).book(), available);
    }

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("fixed months: a lot expires twelve months after it was earned", TWELVE_MONTHS, List.of(
                        earn("2024-01-15", 100, 100), earn("2024-06-01", 50, 150),
                        expireOn("2025-01-14", 150), expireOn("2025-01-15", 50), expireOn("2025-06-01", 0))),
                Arguments.of("spending takes the oldest lot first, so less expires", TWELVE_MONTHS, List.of(
                        earn("2024-01-15", 100, 100), earn("2024-06-01", 50, 150), spend("2024-07-01", 120, 30),
                        expireOn("2025-01-15", 30), expireOn("2025-06-01", 0))),
                Arguments.of("a redemption on the expiry day cannot use the expiring points", TWELVE_MONTHS, List.of(
                        earn("2024-01-15", 100, 100), earn("2024-12-01", 40, 140), spend("2025-01-15", 40, 0))),
                Arguments.of("a redemption the day before expiry uses the old points first", TWELVE_MONTHS, List.of(
                        earn("2024-01-15", 100, 100), earn("2024-12-01", 40, 140), spend("2025-01-14", 100, 40),
                        expireOn("2025-01-15", 40))),
                Arguments.of("after last activity: every new earning or redemption pushes expiry back",
                        SIX_MONTHS_INACTIVE, List.of(
                        earn("2024-01-10", 100, 100), spend("2024-06-01", 10, 90), expireOn("2024-07-10", 90),
                        expireOn("2024-11-30", 90), expireOn("2024-12-01", 0))),
                Arguments.of("end of period: points earned in 2024 last until the end of 2025", END_OF_NEXT_YEAR,
                        List.of(earn("2024-03-01", 100, 100), earn("2025-02-01", 20, 120),
                                expireOn("2025-12-31", 120), expireOn("2026-01-01", 20), expireOn("2027-01-01", 0))),
                Arguments.of("end of quarter: a lot earned on the quarter's last day expires the next day",
                        END_OF_QUARTER, List.of(earn("2024-03-31", 70, 70), expireOn("2024-04-01", 0))),
                Arguments.of("a refund reverses its own lot first, not the oldest one", TWELVE_MONTHS, List.of(
                        earn("2024-01-15", 100, 100), earn("2024-06-01", 50, 150),
                        reverse("order-2024-06-01", "2024-06-05", 50, 100), expireOn("2025-01-15", 0))),
                Arguments.of("a refund of points already spent leaves a debt the next earning pays", TWELVE_MONTHS,
                        List.of(earn("2024-01-15", 100, 100), spend("2024-02-01", 100, 0),
                                reverse("order-2024-01-15", "2024-02-02", 60, -60), earn("2024-03-01", 100, 40))),
                Arguments.of("points that never expire stay forever", Expiry.never(), List.of(
                        earn("2000-01-01", 10, 10), expireOn("2100-01-01", 10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void lot_timelines(String scenario, Expiry rule, List<Step> steps) {
        LotBook book = LotBook.empty(rule);
        for (Step step : steps) {
            book = step.action().apply(book);
            assertEquals(step.available(), book.available(), "after " + step.what());
        }
    }

    @Test
    void spending_more_than_is_available_is_refused_and_changes_nothing() {
        LotBook book = LotBook.empty(TWELVE_MONTHS).earn("o1", day("2024-01-01"), 50);
        assertThatThrownBy(() -> book.spend(day("2024-02-01"), 51)).hasMessageContaining("only 50 points");
        assertEquals(50, book.available());
    }

    @Test
    void points_expiring_within_thirty_days_and_the_first_date_are_reported() {
        LotBook book = LotBook.empty(TWELVE_MONTHS)
                .earn("a", day("2024-01-20"), 100).earn("b", day("2024-02-10"), 30).earn("c", day("2024-06-01"), 5)
                .spend(day("2024-03-01"), 40);
        LotBook.Expiring expiring = book.expiringWithin(day("2025-01-15"), 30);
        assertEquals(90, expiring.points()); // 60 left of lot a (Jan 20) + 30 of lot b (Feb 10)
        assertEquals(LocalDate.parse("2025-01-20"), expiring.firstExpiry());
        assertEquals(60, book.expiringWithin(day("2025-01-15"), 26).points()); // Feb 10 is outside 26 days
        assertThat(book.expiringWithin(day("2024-06-01"), 30).firstExpiry()).isNull();
    }

    @Test
    void the_expiry_run_reports_the_lots_it_expired() {
        LotBook.ExpiryRun run = LotBook.empty(TWELVE_MONTHS).earn("a", day("2024-01-20"), 100)
                .expire(day("2025-02-01"));
        assertEquals(100, run.expired());
        assertThat(run.expiredLots()).extracting(Lot::source).containsExactly("a");
        assertEquals(100, run.book().expiredTotal());
    }
}
