package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.expiry.Expiry;

import java.util.Locale;

/**
 * {@link Expiry#expiresOn} as SQL over {@link LotsSql}'s {@code remaining} row (columns day, last_activity): the first
 * day a lot is gone. Numbers come from the validated program file, never from a request, so they are written in.
 */
final class ExpiryDaySql {
    private ExpiryDaySql() {
    }

    /** Null when points never expire. */
    static String of(Expiry rule) {
        return switch (rule.model()) {
            case NEVER -> null;
            case FIXED_MONTHS -> "(day + interval '" + rule.months() + " months')::date";
            case AFTER_LAST_ACTIVITY -> "(last_activity + interval '" + rule.months() + " months')::date";
            case END_OF_PERIOD -> "(date_trunc('" + rule.period().name().toLowerCase(Locale.ROOT) + "', day)"
                    + " + interval '" + (long) months(rule) * (rule.extraPeriods() + 1) + " months')::date";
        };
    }

    private static int months(Expiry rule) {
        return switch (rule.period()) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
    }
}
