package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The prizes contests granted, one per contest and rank, and the contests closed. Claiming a rank is what makes a
 * prize once-only: a second claim of the same rank (a rerun, a restart, another instance) finds it taken.
 */
public interface ContestPrizes {
    record Prize(String contest, int rank, MemberId member, BigDecimal value, long points, String badge,
                 Instant grantedAt) {
    }

    /** Takes the rank's prize for the member (audited with it); false when the rank was granted before. */
    boolean claim(Prize prize);

    /** Marks the contest closed; false when it was closed before. */
    boolean close(String contest, long participants, Instant at);

    /** When the contest was closed; empty while it is not. */
    Optional<Instant> closedAt(String contest);

    List<Prize> of(String contest);
}
