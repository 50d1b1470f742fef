package io.loyaltybridge.api;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.contests.Contests;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/contests} (every contest and its state), {@code GET /api/contests/{name}} (standings a page at a
 * time, {@code ?member=} adds that member's own standing) and {@code GET /api/members/{id}/contests} (one member's
 * rank in each contest that has started, and what they won). First names only, as the leaderboard.
 */
public final class ContestsApi {
    private final ApiGuard guard;
    private final Contests contests;
    private final int defaultPageSize;

    public ContestsApi(ApiGuard guard, Contests contests, int defaultPageSize) {
        this.guard = guard;
        this.contests = contests;
        this.defaultPageSize = defaultPageSize;
    }

    public void list(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(Map.of("contests",
                contests.all().stream().map(ContestViews::state).toList())));
    }

    public void standings(Exchange exchange) {
        guard.handle(exchange, request -> {
            String name = request.query("name");
            int limit = request.queryInt("limit", defaultPageSize, 1, 500);
            int after = request.queryInt("after", 0, 0, Integer.MAX_VALUE);
            int member = request.queryInt("member", 0, 1, Integer.MAX_VALUE);
            Contests.Board board = contests.board(name, after, limit, member == 0 ? null : new MemberId(member));
            Map<String, Object> view = new LinkedHashMap<>(ContestViews.state(board.state()));
            view.put("participants", board.page().participants());
            view.put("ranks", board.page().ranks().stream().map(s -> ContestViews.standing(board.state(), s)).toList());
            int last = board.page().ranks().isEmpty() ? after : board.page().ranks().get(board.page().ranks().size() - 1)
                    .rank();
            view.put("next", last >= board.page().participants() ? null
                    : "/api/contests/" + name + "?limit=" + limit + "&after=" + last);
            if (member != 0) {
                view.put("member", board.member() == null ? null : ContestViews.standing(board.state(), board.member()));
            }
            view.put("granted", board.granted().stream().map(ContestViews::prize).toList());
            return Reply.ok(view);
        });
    }

    public void ofMember(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(Map.of("contests",
                contests.of(request.memberId("id")).stream().map(ContestViews::memberRank).toList())));
    }
}
