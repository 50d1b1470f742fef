package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;

/**
 * An entry about to be appended. {@code operationKey} is unique across the ledger: appending the same key twice
 * writes once, which is what makes every writer idempotent. {@code orderId} ties order entries to their order.
 */
public record NewEntry(MemberId member, Account account, long points, EntryKind kind, String reason,
                       EntrySource source, String ruleVersion, Instant effectiveAt, String operationKey,
                       Long orderId) {
    public NewEntry {
        if (points == 0) {
            throw new IllegalArgumentException("an entry must move points");
        }
        if (operationKey == null || operationKey.isBlank()) {
            throw new IllegalArgumentException("an entry needs an operation key");
        }
    }
}
