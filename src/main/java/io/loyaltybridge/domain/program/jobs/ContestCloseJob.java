package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.Standing;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.ContestPorts;
import io.loyaltybridge.domain.program.contests.ContestPrizes;
import io.loyaltybridge.domain.program.contests.ContestStandings;

import java.time.Clock;
import java.time.Instant;

/**
 * Closes every contest that has ended: ranks its prized places once, in one statement, and grants each rank's prize
 * in the same transaction as the contest's closing mark. Once-only by three keys that hold across reruns, restarts
 * and instances: the contest's closing mark, the claim of each rank, and each prize entry's operation key.
 */
final class ContestCloseJob {
    static final String NAME = "contest-close";

    private final Program program;
    private final JobPorts ports;
    private final ContestPorts contests;
    private final Clock clock;

    ContestCloseJob(Program program, JobPorts ports, ContestPorts contests, Clock clock) {
        this.program = program;
        this.ports = ports;
        this.contests = contests;
        this.clock = clock;
    }

    int run() {
        if (contests == null) {
            return 0;
        }
        int granted = 0;
        for (Contest contest : program.contests()) {
            Instant now = clock.instant();
            if (contest.endedBy(now)) {
                granted += ports.unitOfWork().inTransaction(() -> close(contest, now));
            }
        }
        return granted;
    }

    private int close(Contest contest, Instant now) {
        if (contests.prizes().closedAt(contest.name()).isPresent()) {
            return 0;
        }
        ContestStandings.Page top = contests.standings().ranks(contest, 0, contest.prizedRanks());
        int granted = 0;
        for (ContestStandings.Standing standing : top.ranks()) {
            Contest.Prize prize = contest.prizeFor(standing.rank()).orElse(null);
            if (prize != null && grant(contest, standing, prize, now)) {
                granted++;
            }
        }
        contests.prizes().close(contest.name(), top.participants(), now);
        return granted;
    }

    private boolean grant(Contest contest, ContestStandings.Standing standing, Contest.Prize prize, Instant now) {
        if (!contests.prizes().claim(new ContestPrizes.Prize(contest.name(), standing.rank(), standing.member(),
                standing.value(), prize.points(), prize.badge(), now))) {
            return false;
        }
        if (prize.points() > 0) {
            ports.ledger().append(new NewEntry(standing.member(), Account.POINTS, prize.points(), EntryKind.BONUS,
                    "Contest " + contest.name() + ": rank " + standing.rank() + " prize",
                    new EntrySource(Contest.PRIZE_SOURCE, contest.name() + ":" + standing.rank()), program.version(), now,
                    contest.prizeKey(standing.rank()), null));
        }
        if (prize.badge() != null) {
            contests.badges().grant(standing.member(), prize.badge(), now);
        }
        return true;
    }
}
