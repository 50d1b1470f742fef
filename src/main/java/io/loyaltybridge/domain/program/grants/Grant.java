package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;

/**
 * What an event or partner grant did: the entry written (or found, when {@code replayed}), and the member's points
 * balance after it. {@code entry} is null when the grant was worth zero points, which the ledger does not record.
 */
public record Grant(MemberId member, LedgerEntry entry, boolean replayed, Balance balance, String reason) {
}
