package io.loyaltybridge.api;

import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.ContestPrizes;
import io.loyaltybridge.domain.program.contests.ContestStandings;
import io.loyaltybridge.domain.program.contests.Contests;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of contests, standings and prizes. */
final class ContestViews {
    private ContestViews() {
    }

    static Map<String, Object> state(Contests.State state) {
        Contest c = state.contest();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", c.name());
        view.put("description", c.description());
        view.put("status", state.status());
        view.put("start", c.start().toString());
        view.put("end", c.end().toString());
        view.put("measure", c.measure().wireName());
        view.put("minimum", c.minimum());
        view.put("participantsFilter", Map.of("tiers", c.tiers().stream().sorted().toList(),
                "segments", c.segments().stream().sorted().toList()));
        view.put("tieBreak", "earlier_to_reach");
        view.put("prizes", c.prizes().stream().map(ContestViews::prize).toList());
        view.put("closedAt", state.closedAt() == null ? null : state.closedAt().toString());
        return view;
    }

    private static Map<String, Object> prize(Contest.Prize p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rank", p.fromRank());
        view.put("toRank", p.toRank());
        view.put("points", p.points());
        view.put("badge", p.badge());
        return view;
    }

    static Map<String, Object> standing(Contests.State state, ContestStandings.Standing s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rank", s.rank());
        view.put("memberId", s.member().value());
        view.put("firstName", s.firstName());
        view.put("value", s.value());
        view.put("reachedAt", s.reachedAt().toString());
        view.put("prize", state.contest().prizeFor(s.rank()).map(ContestViews::prize).orElse(null));
        return view;
    }

    static Map<String, Object> prize(ContestPrizes.Prize p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rank", p.rank());
        view.put("memberId", p.member().value());
        view.put("value", p.value());
        view.put("points", p.points());
        view.put("badge", p.badge());
        view.put("grantedAt", p.grantedAt().toString());
        return view;
    }

    static Map<String, Object> memberRank(Contests.MemberRank r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", r.state().contest().name());
        view.put("description", r.state().contest().description());
        view.put("status", r.state().status());
        view.put("measure", r.state().contest().measure().wireName());
        view.put("end", r.state().contest().end().toString());
        view.put("participants", r.participants());
        view.put("standing", r.standing() == null ? null : standing(r.state(), r.standing()));
        view.put("won", r.won() == null ? null : prize(r.won()));
        return view;
    }
}
