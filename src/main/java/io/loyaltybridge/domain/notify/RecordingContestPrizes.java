package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.program.contests.ContestPrizes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contest prizes, recording "contest won" when a rank's prize is newly claimed (in the close job's transaction). */
public final class RecordingContestPrizes implements ContestPrizes {
    private final ContestPrizes prizes;
    private final MemberEvents events;

    public RecordingContestPrizes(ContestPrizes prizes, MemberEvents events) {
        this.prizes = prizes;
        this.events = events;
    }

    @Override
    public boolean claim(Prize prize) {
        boolean claimed = prizes.claim(prize);
        if (claimed) {
            events.record(new MemberEvent(prize.member(), EventType.CONTEST_WON,
                    "contest_won:" + prize.contest() + ":" + prize.rank(), prize.grantedAt(),
                    Map.of("contest", prize.contest(), "rank", Integer.toString(prize.rank()),
                            "points", Long.toString(prize.points()), "badge",
                            prize.badge() == null ? "" : prize.badge())));
        }
        return claimed;
    }

    @Override
    public boolean close(String contest, long participants, Instant at) {
        return prizes.close(contest, participants, at);
    }

    @Override
    public Optional<Instant> closedAt(String contest) {
        return prizes.closedAt(contest);
    }

    @Override
    public List<Prize> of(String contest) {
        return prizes.of(contest);
    }
}
