package io.loyaltybridge.domain.program;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods used for end-of-period expiry and leaderboards. Dates are in the program time zone. */
public enum CalendarPeriod {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    CalendarPeriod(int months) {
        this.months = months;
    }

    public LocalDate start(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** Last day of the period containing {@code day}, inclusive. */
    public LocalDate end(LocalDate day) {
        return start(day).plusMonths(months - 1L).with(TemporalAdjusters.lastDayOfMonth());
    }

    public LocalDate startOfPeriodsLater(LocalDate day, int periods) {
        return start(day).plusMonths((long) months * periods);
    }
}
