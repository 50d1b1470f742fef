package io.loyaltybridge.domain.program.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When a member's birthday bonus is due: the one rule the birthday job runs. Days are read in the program time zone,
 * so a member in the program's country gets the bonus on their local birthday whatever the server's zone. A 29
 * February birthday is celebrated on 28 February in other years (still in February, and before the real day rather
 * than after it). A run grants every day since the last successful run, so a day the job did not run is granted by
 * the next one; the bonus stays once per member and birthday year (its ledger key holds the year).
 */
public final class BirthdayBonus {
    /** How far back a run catches up: a job stopped for longer does not pay more than a year of birthdays. */
    public static final int MAX_CATCH_UP_DAYS = 366;

    private BirthdayBonus() {
    }

    public static LocalDate birthdayIn(LocalDate birthDate, int year) {
        return MonthDay.from(birthDate).isValidYear(year) ? birthDate.withYear(year)
                : LocalDate.of(year, 2, 28);
    }

    public static boolean isBirthday(LocalDate birthDate, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return birthdayIn(birthDate, today.getYear()).equals(today);
    }

    /** The birth month-days celebrated on {@code day}: its own, and 29 February on 28 February of a common year. */
    public static List<MonthDay> celebratedOn(LocalDate day) {
        List<MonthDay> days = new ArrayList<>(List.of(MonthDay.from(day)));
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
            days.add(MonthDay.of(2, 29));
        }
        return days;
    }

    /**
     * The days a run on {@code today} grants, oldest first: each day after the last successful run's day up to
     * today (at most {@link #MAX_CATCH_UP_DAYS}), or today alone when the job never ran.
     */
    public static List<LocalDate> daysToGrant(LocalDate lastRunDay, LocalDate today) {
        LocalDate from = lastRunDay == null ? today : lastRunDay.plusDays(1);
        if (from.isBefore(today.minusDays(MAX_CATCH_UP_DAYS - 1L))) {
            from = today.minusDays(MAX_CATCH_UP_DAYS - 1L);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
