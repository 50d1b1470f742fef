package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.DateRange;
import io.loyaltybridge.domain.program.Program;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The program's points leaderboard for the period that contains a given day (program time zone). */
public final class Leaderboards {
    private final UnitOfWork unitOfWork;
    private final EarningsInPeriod earnings;
    private final Program program;

    public Leaderboards(UnitOfWork unitOfWork, EarningsInPeriod earnings, Program program) {
        this.unitOfWork = unitOfWork;
        this.earnings = earnings;
        this.program = program;
    }

    public record Standing(int position, MemberId member, String firstName, long points) {
    }

    public record Standings(DateRange period, int size, List<Standing> ranks) {
    }

    public Standings on(LocalDate day) {
        Leaderboard board = program.leaderboard();
        if (board == null) {
            throw new NotFound("the program has no leaderboard");
        }
        DateRange period = LeaderboardRanking.periodOf(board, day);
        List<EarningsInPeriod.Earner> top = unitOfWork.inTransaction(() -> earnings.top(
                period.start().atStartOfDay(program.zone()).toInstant(),
                period.end().plusDays(1).atStartOfDay(program.zone()).toInstant(), board.size()));
        Map<MemberId, Long> totals = new LinkedHashMap<>();
        Map<MemberId, String> names = new LinkedHashMap<>();
        top.forEach(e -> {
            totals.put(e.member(), e.points());
            names.put(e.member(), e.firstName());
        });
        // The store already cut the list at the size; ranking again here keeps ties and order the policy's own.
        List<Standing> ranks = LeaderboardRanking.rank(totals, board.size()).stream()
                .map(r -> new Standing(r.position(), r.member(), names.get(r.member()), r.points())).toList();
        return new Standings(period, board.size(), ranks);
    }

    /** The day that selects the period before the one containing {@code day}. */
    public LocalDate previousPeriodDay(LocalDate day) {
        Leaderboard board = program.leaderboard();
        return board == null ? day : LeaderboardRanking.periodOf(board, day).start().minusDays(1);
    }
}
