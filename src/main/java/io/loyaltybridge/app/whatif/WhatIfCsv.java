package io.loyaltybridge.app.whatif;

import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.Figures;

import java.math.BigDecimal;

/** Every member's figures under both programs, one row each by member id, cashback in the program currency. */
public final class WhatIfCsv {
    public static final String HEADER = "member_id,points_now,points_candidate,pending_now,pending_candidate,"
            + "cashback_now,cashback_candidate,pending_cashback_now,pending_cashback_candidate,tier_now,"
            + "tier_candidate\n";

    private WhatIfCsv() {
    }

    public static String of(Comparison comparison, int digits) {
        StringBuilder csv = new StringBuilder(HEADER);
        comparison.forEach(change -> {
            Figures a = change.now();
            Figures b = change.candidate();
            csv.append(change.member()).append(',').append(a.points()).append(',').append(b.points()).append(',')
                    .append(a.pending()).append(',').append(b.pending()).append(',')
                    .append(money(a.cashbackMinor(), digits)).append(',')
                    .append(money(b.cashbackMinor(), digits)).append(',')
                    .append(money(a.pendingCashbackMinor(), digits)).append(',')
                    .append(money(b.pendingCashbackMinor(), digits)).append(',')
                    .append(a.tier()).append(',').append(b.tier()).append('\n');
        });
        return csv.toString();
    }

    /** Minor units as a decimal amount (tier names are the program's identifiers: nothing to quote). */
    public static String money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** The minor-unit digits of the program currency (2 when the JDK does not know it). */
    public static int digits(String currency) {
        try {
            return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
