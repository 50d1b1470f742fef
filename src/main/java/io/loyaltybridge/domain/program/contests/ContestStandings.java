package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest's standings, computed set-wise by the store: each taking part member's value over the contest's dates,
 * ranked by value and then by the time their running total first reached it (earlier ranks higher); an exact tie in
 * time goes to the lower member id, so every rank is held by exactly one member.
 */
public interface ContestStandings {
    /** @param reachedAt when the member's running total first reached {@code value} */
    record Standing(int rank, MemberId member, String firstName, BigDecimal value, Instant reachedAt) {
    }

    /** @param participants how many members qualify (the whole ranking, not just this page) */
    record Page(long participants, List<Standing> ranks) {
        public Page {
            ranks = List.copyOf(ranks);
        }
    }

    /** Ranks {@code afterRank + 1} to {@code afterRank + limit}. */
    Page ranks(Contest contest, int afterRank, int limit);

    /** The one member's standing (no ranks when they do not qualify). */
    Page member(Contest contest, MemberId member);
}
