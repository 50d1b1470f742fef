package io.loyaltybridge.domain.program.grants;

import java.math.BigDecimal;

/** A partner (airline, hotel, card issuer ...) whose transactions earn points at its own rate. */
public record Partner(String id, String name, BigDecimal pointsPerUnit) {
}
