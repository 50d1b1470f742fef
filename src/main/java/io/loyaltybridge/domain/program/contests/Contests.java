package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.Standing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The program's contests as the API shows them: their state, standings a page at a time, and one member's ranks. */
public final class Contests {
    private final Program program;
    private final UnitOfWork unitOfWork;
    private final ContestStandings standings;
    private final ContestPrizes prizes;
    private final Members members;
    private final Clock clock;

    public Contests(Program program, UnitOfWork unitOfWork, ContestStandings standings, ContestPrizes prizes,
                    Members members, Clock clock) {
        this.program = program;
        this.unitOfWork = unitOfWork;
        this.standings = standings;
        this.prizes = prizes;
        this.members = members;
        this.clock = clock;
    }

    /** A contest and where it stands: upcoming, running, ended (prizes not granted yet) or closed. */
    public record State(Contest contest, String status, Instant closedAt) {
    }

    /** A page of standings; {@code member}: the asked member's own standing (null when not asked or not ranked). */
    public record Board(State state, ContestStandings.Page page, ContestStandings.Standing member,
                        List<ContestPrizes.Prize> granted) {
    }

    /** One contest from a member's side: their standing (null: not ranked) and the prize they won, if any. */
    public record MemberRank(State state, long participants, ContestStandings.Standing standing,
                             ContestPrizes.Prize won) {
    }

    public List<State> all() {
        return unitOfWork.inTransaction(() -> program.contests().stream().map(this::state).toList());
    }

    public Board board(String name, int afterRank, int limit, MemberId member) {
        Contest contest = program.contest(name).orElseThrow(() -> new NotFound("no contest " + name
                + " (contests: " + String.join(", ", program.contests().stream().map(Contest::name).toList()) + ")"));
        return unitOfWork.inTransaction(() -> {
            if (member != null) {
                known(member);
            }
            State state = state(contest);
            ContestStandings.Page page = standings.ranks(contest, afterRank, limit);
            ContestStandings.Standing own = member == null ? null
                    : standings.member(contest, member).ranks().stream().findFirst().orElse(null);
            return new Board(state, page, own, state.closedAt() == null ? List.of() : prizes.of(contest.name()));
        });
    }

    /** The member's standing in every contest that has started. */
    public List<MemberRank> of(MemberId member) {
        return unitOfWork.inTransaction(() -> {
            known(member);
            List<MemberRank> ranks = new ArrayList<>();
            for (Contest contest : program.contests()) {
                State state = state(contest);
                if (!state.status().equals("upcoming")) {
                    ContestStandings.Page own = standings.member(contest, member);
                    Optional<ContestPrizes.Prize> won = state.closedAt() == null ? Optional.empty()
                            : prizes.of(contest.name()).stream().filter(p -> p.member().equals(member)).findFirst();
                    ranks.add(new MemberRank(state, own.participants(), own.ranks().stream().findFirst().orElse(null),
                            won.orElse(null)));
                }
            }
            return ranks;
        });
    }

    private void known(MemberId member) {
        if (members.byId(member).isEmpty()) {
            throw new NotFound("no member " + member);
        }
    }

    private State state(Contest contest) {
        Optional<Instant> closed = prizes.closedAt(contest.name());
        return new State(contest, closed.isPresent() ? "closed" : contest.status(clock.instant()), closed.orElse(null));
    }
}
