package io.loyaltybridge.bench;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.store.PgContestStandings;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The contest standings time: the first page of an all-time contest over every member, as GET /api/contests/{name}
 * computes it (the whole ranking, then the page). All time and everyone is the worst case: every ledger entry or
 * order counts and every member takes part. Points (the ledger, with the running-total window) and spend (orders).
 */
final class ContestTiming {
    record Times(long participants, long pointsNanos, long spendNanos) {
        double pointsSeconds() {
            return pointsNanos / 1e9;
        }

        double spendSeconds() {
            return spendNanos / 1e9;
        }
    }

    private ContestTiming() {
    }

    static Times measure(Core core, PrintStream out) {
        out.println("Benchmark: contest standings (all time, every member)...");
        PgContestStandings standings = new PgContestStandings(core.transactions(), core.program());
        long[] participants = {0};
        long points = time(core, standings, allTime(Contest.Measure.POINTS), participants);
        long spend = time(core, standings, allTime(Contest.Measure.SPEND), participants);
        return new Times(participants[0], points, spend);
    }

    private static long time(Core core, PgContestStandings standings, Contest contest, long[] participants) {
        long t = System.nanoTime();
        participants[0] = Math.max(participants[0], core.transactions().inTransaction(() ->
                standings.ranks(contest, 0, 50)).participants());
        return System.nanoTime() - t;
    }

    static Contest allTime(Contest.Measure measure) {
        return new Contest("bench-" + measure.wireName(), "benchmark", Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2100-01-01T00:00:00Z"), measure, Set.of(), Set.of(), BigDecimal.ZERO,
                List.of(new Contest.Prize(1, 1, 1, null)));
    }
}
