package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;

/** An appended entry. It is never changed or removed; a correction is a new entry. */
public record LedgerEntry(long id, MemberId member, Account account, long points, EntryKind kind, String reason,
                          EntrySource source, String ruleVersion, Instant createdAt, Instant effectiveAt,
                          String operationKey, Long orderId) {
}
