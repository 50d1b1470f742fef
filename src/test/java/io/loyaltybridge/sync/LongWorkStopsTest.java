package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Progress;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A backfill holds one Camel exchange for minutes: once the app stops, it must end at its next step. */
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
}
