package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Progress;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A backfill holds one Camel exchange for minutes, and so does a push draining a deep outbox (every member after a
 * first recompute): once the app stops, each must end at its next step, within Camel's graceful shutdown.
 */
class LongWorkStopsTest {

    @Test
    void once_the_app_is_stopping_long_work_ends_at_its_next_step() {
        ProgressBoard board = new ProgressBoard(Clock.systemUTC());
        Progress backfill = board.start("Salesforce backfill: orders", 1000);
        assertThatCode(() -> backfill.advance(200)).doesNotThrowAnyException();

        board.stopAll();

        assertThatThrownBy(() -> backfill.advance(200)).isInstanceOf(Progress.Stopped.class)
                .hasMessageContaining("Salesforce backfill: orders");
    }

    @Test
    void the_pushes_see_the_app_stopping_and_end_their_drain_after_the_call_in_flight() {
        ProgressBoard board = new ProgressBoard(Clock.systemUTC());
        assertThat(board.stopping()).isFalse();

        board.stopAll();

        // PushRound and HubSpotPush stop asking for another call (PushDrainTest: the call in flight, then no other).
        assertThat(board.stopping()).isTrue();
    }
}
