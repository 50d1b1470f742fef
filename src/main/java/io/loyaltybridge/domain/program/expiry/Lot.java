package io.loyaltybridge.domain.program.expiry;

import java.time.LocalDate;

/**
 * Points earned together: one order, bonus or event. {@code remaining} goes down as points are spent, reversed or
 * expire; a lot is never topped up.
 *
 * @param source what earned it (an order key, "event:signup" ...), so a reversal can take from the right lot
 */
public record Lot(String source, LocalDate earnedOn, long earned, long remaining) {
    Lot take(long points) {
        return new Lot(source, earnedOn, earned, remaining - points);
    }
}
