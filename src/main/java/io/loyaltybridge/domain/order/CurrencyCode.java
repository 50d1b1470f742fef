package io.loyaltybridge.domain.order;

import java.util.Currency;
import java.util.Set;

/** An ISO 4217 currency that money can be paid in (not a fund, metal or test code). */
public record CurrencyCode(String code) {
    // Codes ISO lists that no shop takes payment in: no-currency, test, precious metals, SDR and bond units.
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR",
            "XBA", "XBB", "XBC", "XBD", "XSU", "XUA");

    public CurrencyCode {
        if (!isKnown(code)) {
            throw new IllegalArgumentException("unknown ISO 4217 currency: " + code);
        }
    }

    public static boolean isKnown(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || NOT_MONEY.contains(code)) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
