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

    @Test
    void work_cut_short_shows_as_stopped_with_what_it_did_never_as_done() {
        Progress sync = board.start("First sync", 100);
        sync.advance(40);
        sync.stop();
        sync.finish(); // a finally block after the stop changes nothing
        assertThat(board.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("stopped");
            assertThat(s.done()).isEqualTo(40);
            assertThat(s.total()).isEqualTo(100);
        });
    }

    @Test
    void a_new_run_of_the_same_work_replaces_the_stopped_one() {
        board.start("First sync", 100).stop();
        Progress resumed = board.start("First sync", 60);
        resumed.advance(60);
        resumed.finish();
        assertThat(board.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("done");
            assertThat(s.done()).isEqualTo(60);
        });
    }

    @Test
    void more_done_than_the_count_at_the_start_raises_the_total_rather_than_showing_more_than_all() {
        Progress sync = board.start("First sync", 10);
        sync.advance(12); // two records created while it ran
        assertThat(board.snapshot().get(0).total()).isEqualTo(12);
    }

    @Test
    void a_new_run_replaces_an_earlier_one_left_running_by_a_failure() {
        board.start("Backfill", 100).advance(30); // its thread failed: neither finished nor stopped
        board.start("Backfill", 70);
        assertThat(board.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("running");
            assertThat(s.total()).isEqualTo(70);
        });
    }
}
