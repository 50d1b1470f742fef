package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.DateRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks members by the points they earned in a period. Equal totals share a position and the next position skips
 * (1, 2, 2, 4), so nobody is ranked above someone with the same points; within a tie members are listed by id,
 * which keeps the list stable between two reads.
 */
public final class LeaderboardRanking {
    private LeaderboardRanking() {
    }

    public record Rank(int position, MemberId member, long points) {
    }

    /** The period the leaderboard covers on {@code today}. */
    public static DateRange periodOf(Leaderboard board, LocalDate today) {
        return new DateRange(board.period().start(today), board.period().end(today));
    }

    /** The top {@code size} entries (all entries tied with the last one are included too). */
    public static List<Rank> rank(Map<MemberId, Long> totals, int size) {
        List<Map.Entry<MemberId, Long>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Comparator.<Map.Entry<MemberId, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparingLong(e -> e.getKey().value()));
        List<Rank> ranks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<MemberId, Long> entry = sorted.get(i);
            int position = i > 0 && entry.getValue().equals(sorted.get(i - 1).getValue())
                    ? ranks.get(i - 1).position() : i + 1;
            if (position > size) {
                break;
            }
            ranks.add(new Rank(position, entry.getKey(), entry.getValue()));
        }
        return ranks;
    }
}
