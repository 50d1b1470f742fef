package io.loyaltybridge.domain.ledger;

/** What caused an entry: the system it came from and that system's id for it (an order, a request key, a job run). */
public record EntrySource(String system, String id) {
}
