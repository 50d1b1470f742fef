package io.loyaltybridge.domain.ledger;

/** The entry a redemption or adjustment wrote, whether it was a replay of an earlier request, and the balance after. */
public record PointsOutcome(LedgerEntry entry, boolean replayed, Balance balance) {
}
