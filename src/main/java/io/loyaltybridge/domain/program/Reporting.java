package io.loyaltybridge.domain.program;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How the program's figures are told to the people who run it: what a point is worth in the program currency (so a
 * liability in points becomes one in money) and the locale numbers and dates are written in.
 *
 * @param pointValue program currency per point (0.01 EUR), or null when the program file declares none: figures in
 *                   money are then left out rather than guessed
 * @param locale     the program's locale (fr-FR writes 1 234,56 € and 31/12/2026)
 */
public record Reporting(BigDecimal pointValue, Locale locale) {
    public Reporting {
        Objects.requireNonNull(locale, "locale");
    }

    /** No point value, English. */
    public static final Reporting DEFAULT = new Reporting(null, Locale.ENGLISH);

    /** The money {@code points} are worth, or null without a declared point value. */
    public BigDecimal money(long points) {
        return pointValue == null ? null : pointValue.multiply(BigDecimal.valueOf(points));
    }
}
