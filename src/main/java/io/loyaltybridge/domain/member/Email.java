package io.loyaltybridge.domain.member;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the member gave it. Two addresses that differ only in case are the same member, so
 * equality and lookups use {@link #normalized()}.
 */
public record Email(String value) {
    // Deliberately loose: CRMs hold addresses we must accept; we only refuse what cannot be an address at all.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_LENGTH = 254;

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && SHAPE.matcher(candidate).matches();
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Email e && e.normalized().equals(normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }
}
