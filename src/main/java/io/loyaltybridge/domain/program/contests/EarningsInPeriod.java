package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.List;

/**
 * The leaderboard's read of the ledger: members by points earned in {@code [from, until)}, highest first, with the
 * first name a leaderboard may show. "Earned" is the net of earn, bonus, release and reverse entries on the points
 * account by their effective time: pending points count when released, a refund counts against the period it
 * happened in, and manual adjustments and spending do not count at all. Members with nothing earned are left out.
 */
public interface EarningsInPeriod {
    record Earner(MemberId member, String firstName, long points) {
    }

    /** The members ranked {@code size} or better (every member tied with the last one too), in one read. */
    List<Earner> top(Instant from, Instant until, int size);
}
