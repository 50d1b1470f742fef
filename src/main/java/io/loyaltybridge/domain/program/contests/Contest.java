package io.loyaltybridge.domain.program.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A time-bound competition declared in the program's {@code contests:} section. Members are ranked by one
 * {@link Measure} over {@code [start, end)}; a tie on the value goes to the member who reached it first. Members of
 * the listed tiers or segments take part (none listed: everyone), and only from {@code minimum} on.
 *
 * @param name the contest's id: in URLs, operation keys and prize reasons
 */
public record Contest(String name, String description, Instant start, Instant end, Measure measure,
                      Set<String> tiers, Set<String> segments, BigDecimal minimum, List<Prize> prizes) {
    /** The source system of prize entries: a contest's points measure never counts a contest's prize. */
    public static final String PRIZE_SOURCE = "contest";

    /** What is counted. Spend is in the program currency; orders and spend count only orders that earn. */
    public enum Measure {
        POINTS, ORDERS, SPEND, REFERRALS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What ranks {@code fromRank} to {@code toRank} (inclusive) each win: points, a badge, or both. */
    public record Prize(int fromRank, int toRank, long points, String badge) {
        public boolean covers(int rank) {
            return rank >= fromRank && rank <= toRank;
        }
    }

    public Contest {
        tiers = Set.copyOf(tiers);
        segments = Set.copyOf(segments);
        prizes = List.copyOf(prizes);
    }

    public Optional<Prize> prizeFor(int rank) {
        return prizes.stream().filter(p -> p.covers(rank)).findFirst();
    }

    /** The lowest rank that wins anything: the close job ranks no further. */
    public int prizedRanks() {
        return prizes.stream().mapToInt(Prize::toRank).max().orElse(0);
    }

    public boolean endedBy(Instant now) {
        return !now.isBefore(end);
    }

    public String status(Instant now) {
        return now.isBefore(start) ? "upcoming" : endedBy(now) ? "ended" : "running";
    }

    /** The ledger operation key of one rank's prize: granted once per contest and rank, whoever holds the rank. */
    public String prizeKey(int rank) {
        return "contest:" + name + ":rank:" + rank;
    }
}
