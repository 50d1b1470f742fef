package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.order.StoredOrder;

import java.util.List;

/**
 * What a submission did: {@code created} for a first report, {@code changed} when the state differed from what we
 * held, and the entries this submission wrote (none for a repeat).
 */
public record OrderOutcome(StoredOrder order, boolean created, boolean changed, List<LedgerEntry> entries) {
}
