package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.order.CurrencyCode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed exchange rates a program declares ({@code currencies:} in the program file): {@code USD: 0.92} means one
 * US dollar counts as 0.92 units of the program currency. An order in a currency with no rate counts in no program
 * figure (points, cashback, tier spend, badges, segments, lifetime value, KPIs): we would rather count nothing than
 * guess a rate the manager cannot check with a pencil.
 */
public record FixedRates(Map<CurrencyCode, BigDecimal> perUnit) {
    public static final FixedRates NONE = new FixedRates(Map.of());

    public FixedRates {
        perUnit = Map.copyOf(perUnit);
    }

    /** Program units per unit of {@code currency}: 1 for the program's own, empty when the program counts none. */
    public Optional<BigDecimal> rate(CurrencyCode currency, CurrencyCode program) {
        return currency.equals(program) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(perUnit.get(currency));
    }
}
