package io.loyaltybridge.api;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Leaderboards;
import org.apache.camel.Exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/program} (the rules in force) and {@code GET /api/leaderboard} (who earned most this period). */
public final class ProgramApi {
    private final ApiGuard guard;
    private final Program program;
    private final Leaderboards leaderboards;
    private final Clock clock;

    public ProgramApi(ApiGuard guard, Program program, Leaderboards leaderboards, Clock clock) {
        this.guard = guard;
        this.program = program;
        this.leaderboards = leaderboards;
        this.clock = clock;
    }

    public void program(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(ProgramViews.program(program)));
    }

    public void leaderboard(Exchange exchange) {
        guard.handle(exchange, request -> {
            var standings = leaderboards.on(day(request.query("period")));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("period", Map.of("from", standings.period().start().toString(),
                    "to", standings.period().end().toString()));
            view.put("size", standings.size());
            // First names only: the leaderboard may be shown to other members, so no email or last name.
            view.put("ranks", standings.ranks().stream().map(r -> {
                Map<String, Object> rank = new LinkedHashMap<>();
                rank.put("position", r.position());
                rank.put("memberId", r.member().value());
                rank.put("firstName", r.firstName());
                rank.put("points", r.points());
                return rank;
            }).toList());
            return Reply.ok(view);
        });
    }

    /** {@code current} (or none), {@code previous}, or any day of the period wanted, in the program time zone. */
    private LocalDate day(String period) {
        LocalDate today = clock.instant().atZone(program.zone()).toLocalDate();
        if (period == null || period.equals("current")) {
            return today;
        }
        if (period.equals("previous")) {
            return leaderboards.previousPeriodDay(today);
        }
        try {
            return LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("period", "must be current, previous or a day of the period such as 2026-05-01");
        }
    }
}
