package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.member.MemberId;

/** How often a member was already granted something, counted from the ledger (which keeps every grant). */
public interface GrantHistory {
    /** The member's ledger entries whose source system is {@code sourceSystem}. */
    int count(MemberId member, String sourceSystem);
}
