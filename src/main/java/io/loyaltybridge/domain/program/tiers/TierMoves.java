package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.member.MemberId;

/**
 * Told when something other than earning moves a member's tier in force (a staff grant given, revoked or lapsed),
 * so the move is announced like any tier change. {@code cause} makes the announcement's key: one move, one event.
 */
@FunctionalInterface
public interface TierMoves {
    TierMoves NONE = (member, from, to, cause) -> { };

    void moved(MemberId member, String from, String to, String cause);
}
