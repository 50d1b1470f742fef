package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.expiry.LotBook;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.util.Optional;
import java.util.Set;

/**
 * Where a member stands in the program right now: balances per account, tier status, segments and lifetime value
 * (as last computed; null before the first run), points about to expire, badges, referral code and the one offer
 * suggested next.
 */
public record Standing(MemberId member, Balance points, long pending, long cashbackMinor,
                       long pendingCashbackMinor, TierStatus tier,
                       SegmentStore.Assigned segments, LotBook.Expiring expiring, Set<String> badges,
                       String referralCode, Optional<Offer> nextBestOffer) {
}
