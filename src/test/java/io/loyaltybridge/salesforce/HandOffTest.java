package io.loyaltybridge.salesforce;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backfill's hand-off between the reader thread and the settling one: ordered, bounded, stoppable. */
class HandOffTest {
    @Test
    void items_arrive_in_the_order_produced_and_then_the_end() {
        List<Integer> taken = new ArrayList<>();
        try (HandOff<Integer> handOff = HandOff.start("test-reader", 2, out -> {
            for (int i = 0; i < 1_000; i++) {
                out.accept(i);
            }
        })) {
            for (Integer item = handOff.next(); item != null; item = handOff.next()) {
                taken.add(item);
            }
            assertThat(handOff.next()).as("the end stays the end").isNull();
        }
        assertThat(taken).hasSize(1_000).isSorted().startsWith(0).endsWith(999);
    }

    @Test
    void a_reader_failure_reaches_the_consumer_as_thrown_after_the_items_read_before_it() {
        IllegalArgumentException refusal = new IllegalArgumentException("INVALID_FIELD");
        try (HandOff<String> handOff = HandOff.start("test-reader", 2, out -> {
            out.accept("first page");
            throw refusal;
        })) {
            assertThat(handOff.next()).isEqualTo("first page");
            assertThatThrownBy(handOff::next).isSameAs(refusal);
        }
    }

    @Test
    void no_more_than_the_capacity_waits_while_the_consumer_is_busy() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        try (HandOff<Integer> handOff = HandOff.start("test-reader", 2, out -> {
            for (int i = 0; i < 100; i++) {
                out.accept(produced.incrementAndGet());
            }
        })) {
            Thread.sleep(300); // the consumer settles something slow
            assertThat(produced.get()).as("two queued and one in the reader's hand").isLessThanOrEqualTo(3);
            assertThat(handOff.next()).isEqualTo(1);
        }
    }

    @Test
    void closing_before_the_end_stops_the_reader_and_waits_for_it() {
        AtomicBoolean readerEnded = new AtomicBoolean();
        HandOff<Integer> handOff = HandOff.start("test-reader", 2, out -> {
            try {
                for (int i = 0; ; i++) {
                    out.accept(i);
                }
            } finally {
                readerEnded.set(true);
            }
        });
        assertThat(handOff.next()).isZero();
        handOff.close();
        assertThat(readerEnded).isTrue();
    }
}
