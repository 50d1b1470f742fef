package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBoardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final ProgressBoard board = new ProgressBoard(clock);

    @Test
    void work_in_progress_shows_done_total_rate_and_time_left() {
        Progress backfill = board.start("Backfill", 1_000);
        clock.advance(Duration.ofSeconds(10));
        backfill.advance(250);
        ProgressBoard.Snapshot s = board.snapshot().get(0);
        assertThat(s.done()).isEqualTo(250);
        assertThat(s.perSecond()).isEqualTo(25.0);
        assertThat(s.secondsLeft()).isEqualTo(30);
        assertThat(s.finished()).isFalse();
    }

    @Test
    void finished_work_stays_listed_for_a_minute_then_goes() {
        Progress job = board.start("Recompute", 10);
        job.advance(10);
        job.finish();
        assertThat(board.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.finished()).isTrue();
            assertThat(s.secondsLeft()).isZero();
        });
        clock.advance(Duration.ofSeconds(61));
        assertThat(board.snapshot()).isEmpty();
    }
}
