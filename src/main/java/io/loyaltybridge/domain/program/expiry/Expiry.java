package io.loyaltybridge.domain.program.expiry;

import io.loyaltybridge.domain.program.CalendarPeriod;

import java.time.LocalDate;

/**
 * When earned points stop being usable. Every model answers one question, {@link #expiresOn}: the first day on which
 * a lot is gone (the day before is the last day it can be spent).
 *
 * @param months       FIXED_MONTHS: months after the lot was earned; AFTER_LAST_ACTIVITY: months after the
 *                     member's last earn or redemption
 * @param period       END_OF_PERIOD: the calendar period lots are grouped by
 * @param extraPeriods END_OF_PERIOD: how many whole periods after the earning period the lot survives (0: it expires
 *                     when its own period ends)
 * @param warnDays     default horizon of "points expiring within N days"
 * @param reminderDays the "points expiring soon" notification goes out this many days before points expire
 */
public record Expiry(ExpiryModel model, int months, CalendarPeriod period, int extraPeriods, int warnDays,
                     int reminderDays) {
    /** The default reminder horizon, as the program file's. */
    public static final int DEFAULT_REMINDER_DAYS = 7;

    public Expiry(ExpiryModel model, int months, CalendarPeriod period, int extraPeriods, int warnDays) {
        this(model, months, period, extraPeriods, warnDays, DEFAULT_REMINDER_DAYS);
    }

    public enum ExpiryModel { NEVER, FIXED_MONTHS, AFTER_LAST_ACTIVITY, END_OF_PERIOD }

    public static Expiry never() {
        return new Expiry(ExpiryModel.NEVER, 0, CalendarPeriod.YEAR, 0, 30);
    }

    /** Null when points never expire under this model. */
    public LocalDate expiresOn(LocalDate earnedOn, LocalDate lastActivity) {
        return switch (model) {
            case NEVER -> null;
            case FIXED_MONTHS -> earnedOn.plusMonths(months);
            case AFTER_LAST_ACTIVITY -> lastActivity.plusMonths(months);
            case END_OF_PERIOD -> period.startOfPeriodsLater(earnedOn, extraPeriods + 1);
        };
    }
}
