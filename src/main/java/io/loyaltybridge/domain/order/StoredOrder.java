package io.loyaltybridge.domain.order;

/**
 * An order as we hold it: our row id, and the revision that counts the distinct states we have seen. The revision
 * makes each state change's ledger write unique.
 */
public record StoredOrder(long id, Order order, int revision) {
}
