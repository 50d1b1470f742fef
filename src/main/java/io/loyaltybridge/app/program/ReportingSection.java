package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.Reporting;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The program file's {@code pointValue} and {@code locale}: how its figures are told to the people running it. */
final class ReportingSection {
    private static final Set<String> KNOWN = Arrays.stream(Locale.getAvailableLocales())
            .map(Locale::toLanguageTag).collect(Collectors.toSet());

    private ReportingSection() {
    }

    static Reporting read(Section root, String currency) {
        BigDecimal pointValue = root.decimal("pointValue", false, null, BigDecimal.ZERO, true);
        String tag = root.text("locale", false, null);
        Locale locale = tag == null ? defaultFor(currency) : parse(root, tag);
        return new Reporting(pointValue, locale);
    }

    private static Locale parse(Section root, String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (KNOWN.contains(locale.toLanguageTag())) {
                return locale;
            }
        } catch (IllformedLocaleException e) {
            // reported below, like an unknown one
        }
        root.problem("locale", "must be a locale such as fr-FR or en-GB");
        return Locale.ENGLISH;
    }

    /**
     * Without a declared locale: the first locale (by tag) of the country an ISO 4217 code is named after (GBP: en-GB,
     * CHF: de-CH); English for a currency of no single country (EUR).
     */
    static Locale defaultFor(String currency) {
        String country = currency.length() == 3 ? currency.substring(0, 2) : "";
        return Arrays.stream(Locale.getAvailableLocales())
                .filter(l -> l.getCountry().equals(country) && l.getVariant().isEmpty() && l.getScript().isEmpty())
                .min(Comparator.comparing(Locale::toLanguageTag)).orElse(Locale.ENGLISH);
    }
}
