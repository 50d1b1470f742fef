package io.loyaltybridge.domain.program.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Something that counts towards a tier, on the day it happened (program zone). A refund is a negative activity, so
 * a refunded order stops counting.
 */
public record Qualifying(LocalDate on, long points, BigDecimal spend, int orders) {
    public static Qualifying points(LocalDate on, long points) {
        return new Qualifying(on, points, BigDecimal.ZERO, 0);
    }

    public static Qualifying order(LocalDate on, String spend, long points) {
        return new Qualifying(on, points, new BigDecimal(spend), 1);
    }

    BigDecimal amount(Tiers.Basis basis) {
        return switch (basis) {
            case POINTS -> BigDecimal.valueOf(points);
            case SPEND -> spend;
            case ORDERS -> BigDecimal.valueOf(orders);
        };
    }
}
