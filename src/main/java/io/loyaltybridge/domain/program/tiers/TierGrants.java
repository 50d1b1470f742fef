package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Staff tier grants, kept for good: a grant is ended (revoked, replaced or lapsed), never deleted. Opening or ending
 * one queues the member for the CRMs, since the tier they show may change with it.
 */
public interface TierGrants {
    /** A grant as asked for; {@code until} null means until revoked. */
    record New(String tier, Tiers.VipMode mode, LocalDate until, String reason, String grantedBy, Instant grantedAt) {
    }

    /**
     * The member's grant not yet ended, if any, with their tier row locked to the end of the transaction: two
     * grants for one member take turns. The member must have a tier row.
     */
    java.util.Optional<TierGrant> lockCurrent(MemberId member);

    /** Stores the member's new grant; their earlier one must have been ended first. */
    TierGrant open(MemberId member, New grant);

    /** Ends the grant, keeping it as history. */
    void end(long grant, Instant at, String by, String reason);

    /** Up to {@code limit} grants not yet ended whose last day is before {@code day}: they lapse now. */
    Map<MemberId, TierGrant> lapsedBefore(LocalDate day, int limit);

    /** Every grant the member was given, newest first. */
    List<TierGrant> history(MemberId member);
}
