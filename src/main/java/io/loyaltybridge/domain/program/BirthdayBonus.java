package io.loyaltybridge.domain.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * When a member's birthday bonus is due. Days are read in the program time zone, so a member in the program's
 * country gets the bonus on their local birthday whatever the server's zone. A Feb 29 birthday is celebrated on
 * Feb 28 in other years (still in February, and before the real day rather than after it).
 */
public final class BirthdayBonus {
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

    /**
     * Due when this year's birthday was at most {@code catchUpDays} ago (so a job that missed a day still pays)
     * and no bonus was granted this year.
     *
     * @param lastGrantedYear the year of the last birthday bonus; null if never
     */
    public static boolean isDue(LocalDate birthDate, Instant now, ZoneId zone, Integer lastGrantedYear,
                                int catchUpDays) {
        if (birthDate == null) {
            return false;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate birthday = birthdayIn(birthDate, today.getYear());
        boolean inWindow = !today.isBefore(birthday) && !today.isAfter(birthday.plusDays(catchUpDays));
        return inWindow && (lastGrantedYear == null || lastGrantedYear != today.getYear());
    }
}
