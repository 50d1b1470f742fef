package io.loyaltybridge.domain.program.referrals;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Who referred whom. A referee has one referrer; the referral completes once, on the first qualifying order. */
public interface Referrals {
    void record(MemberId referee, MemberId referrer, Instant at);

    /** The referrer of a referee whose referral has not completed yet. */
    Optional<MemberId> pendingReferrerOf(MemberId referee);

    /** Marks the referral complete; false when it already was (so bonuses are paid once). */
    boolean complete(MemberId referee, Instant at);

    /** Pending again: the order that completed it was refunded inside its return window. */
    void reopen(MemberId referee);

    /** Referee → referrer for the chain above {@code member}, to refuse loops. */
    Map<MemberId, MemberId> chainAbove(MemberId member);
}
