package io.loyaltybridge.domain.program.grants;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** The shape of caller-given ids that become part of an operation key, and when a reported time is too late. */
final class GrantKeys {
    static final String RULE = "must be 1 to 255 characters of letters, digits, '.', '_', ':', '/' or '-'";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:/-]{1,255}");
    /** Clocks of callers drift; a few minutes ahead is still "now", beyond that it is a mistake. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private GrantKeys() {
    }

    static boolean isValid(String id) {
        return id != null && KEY.matcher(id).matches();
    }

    static boolean isFuture(Instant at, Instant now) {
        return at.isAfter(now.plus(SKEW));
    }
}
