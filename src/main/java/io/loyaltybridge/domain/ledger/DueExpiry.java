package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.MemberId;

/**
 * Writes a member's points that have expired by now but are not yet in the ledger. Spending calls it first, so a
 * redemption on a lot's expiry day cannot use points that are already gone, even before the nightly job has run.
 */
public interface DueExpiry {
    /** Returns the points expired now (0 when nothing was due). Runs in the caller's transaction. */
    long expireDue(MemberId member);
}
