package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the continuous push sends, on a real database: full calls at once, a partial call only once its oldest member
 * waited the linger, nothing extra while the CRM's read runs (up to the read hold), and an idle question that costs
 * a fraction of a millisecond.
 */
class PushDrainTest {
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.MEMBER_ID, "Member_Id",
            ProfileAttribute.POINTS, "Points"));
    /** Long enough that no test outlasts it: a loaded machine takes seconds to take 450 contacts in. */
    private static final Duration READ_HOLD = Duration.ofMinutes(10);

    @Test
    void full_calls_go_at_once_and_the_rest_waits_for_the_linger() {
        try (StoreFixture store = new StoreFixture()) {
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 450);

            int early = drain(store, crm, Duration.ofMinutes(10)).drain(() -> false, () -> true);
            assertThat(crm.callSizes).as("two full calls, the last 50 held").containsExactly(200, 200);
            assertThat(early).isEqualTo(400);

            int late = drain(store, crm, Duration.ZERO).drain(() -> false, () -> true);
            assertThat(crm.callSizes).as("past the linger, the rest goes").containsExactly(200, 200, 50);
            assertThat(late).isEqualTo(50);
            assertThat(crm.contacts).hasSize(450);
            assertThat(store.transactions.read(() -> new PgOutbox(store.transactions).depth("testcrm"))).isZero();
        }
    }

    @Test
    void a_drain_told_to_stop_ends_after_its_call_in_flight_and_leaves_the_rest_in_the_outbox() {
        try (StoreFixture store = new StoreFixture()) {
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 450);

            int pushed = drain(store, crm, Duration.ZERO).drain(() -> false, () -> false); // as when the app stops

            assertThat(crm.callSizes).as("the call in flight, then no other").containsExactly(200);
            assertThat(pushed).isEqualTo(200);
            assertThat(depth(store)).as("the rest waits for the next start").isEqualTo(250);
        }
    }

    @Test
    void a_deep_outbox_goes_out_in_full_calls_side_by_side_each_member_once_the_rest_after_the_linger() {
        try (StoreFixture store = new StoreFixture()) {
            Overlapping crm = new Overlapping(new InMemoryCrm(200));
            takeIn(store, 850);

            int early = drain(store, crm, Duration.ofMinutes(10), 2).drain(() -> false, () -> true);
            assertThat(crm.crm.callSizes).as("four full calls, the last 50 held").containsExactly(200, 200, 200, 200);
            assertThat(early).isEqualTo(800);
            assertThat(crm.mostInFlight.get()).as("two calls were in flight at once").isEqualTo(2);

            int late = drain(store, crm, Duration.ZERO, 2).drain(() -> false, () -> true);
            assertThat(late).isEqualTo(50);
            assertThat(crm.crm.callSizes).as("the minimum: ceil(850 / 200) calls").hasSize(5);
            assertThat(crm.crm.contacts).hasSize(850);
            assertThat(depth(store)).isZero();
        }
    }

    /** A CRM whose calls take a while, counting how many were in flight at once. */
    private record Overlapping(InMemoryCrm crm, java.util.concurrent.atomic.AtomicInteger inFlight,
                               java.util.concurrent.atomic.AtomicInteger mostInFlight) implements CrmWriter {
        Overlapping(InMemoryCrm crm) {
            this(crm, new java.util.concurrent.atomic.AtomicInteger(), new java.util.concurrent.atomic.AtomicInteger());
        }

        @Override
        public String system() {
            return crm.system();
        }

        @Override
        public int maxBatch() {
            return crm.maxBatch();
        }

        @Override
        public List<PushResult> write(List<PushRecord> records) throws Exception {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300); // a round trip long enough for the other call to start meanwhile
                synchronized (crm) {
                    return crm.write(records);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public ErrorClass classify(Exception failure) {
            return crm.classify(failure);
        }
    }

    @Test
    void while_the_crms_read_runs_even_a_full_call_waits_up_to_the_read_hold() {
        try (StoreFixture store = new StoreFixture()) {
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 250);
            PushDrain drain = drain(store, crm, Duration.ZERO);

            assertThat(drain.drain(() -> true, () -> true)).isZero();
            assertThat(crm.callSizes).isEmpty();
            assertThat(drain.due(new PgOutbox.Ready(250, READ_HOLD.toMillis()), true))
                    .as("a read never holds the push longer than the read hold").isTrue();
            assertThat(drain.drain(() -> false, () -> true)).isEqualTo(250);
            assertThat(crm.callSizes).containsExactly(200, 50);
        }
    }

    @Test
    void an_idle_push_asks_the_outbox_in_a_fraction_of_a_millisecond() {
        try (StoreFixture store = new StoreFixture()) {
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 300);
            drain(store, crm, Duration.ZERO).drain(() -> false, () -> true);
            PgOutbox outbox = new PgOutbox(store.transactions);
            int asks = 2_000;
            long started = System.nanoTime();
            for (int i = 0; i < asks; i++) {
                assertThat(store.transactions.read(() -> outbox.ready("testcrm", 200)).rows()).isZero();
            }
            double micros = (System.nanoTime() - started) / 1_000.0 / asks;
            System.out.printf("idle outbox question: %.0f µs each (%d asked)%n", micros, asks);
            assertThat(micros).as("an idle push stays cheap at 10 questions a second").isLessThan(5_000);
        }
    }

    @Test
    void a_push_does_not_wait_for_an_inbound_batch_that_marked_its_members_again_and_settles_them_after_it()
            throws Exception {
        try (StoreFixture store = new StoreFixture();
             java.sql.Connection batch = store.database.dataSource().getConnection()) {
            batch.setAutoCommit(false);
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 3);
            PushDrain drain = drain(store, new MarkingDuringTheCall(crm, batch), Duration.ZERO);

            var pushing = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain.drain(() -> false, () -> true));
            assertThat(pushing.get(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("pushed without waiting for the batch").isEqualTo(3);
            assertThat(depth(store)).as("the member marked again keeps its row").isEqualTo(1);
            batch.commit();

            // After the batch: its member is settled and looked at again (nothing differs, so no call).
            assertThat(drain.drain(() -> false, () -> true)).isZero();
            assertThat(depth(store)).isZero();
            assertThat(crm.callSizes).containsExactly(3);
        }
    }

    /** The CRM call during which an inbound batch marks the first member again and has not committed yet. */
    private record MarkingDuringTheCall(InMemoryCrm crm, java.sql.Connection batch) implements CrmWriter {
        @Override
        public String system() {
            return crm.system();
        }

        @Override
        public int maxBatch() {
            return crm.maxBatch();
        }

        @Override
        public List<PushResult> write(List<PushRecord> records) throws Exception {
            try (var mark = batch.prepareStatement("UPDATE crm_outbox SET version = version + 1"
                    + " WHERE system = 'testcrm' AND member_id = ?")) {
                mark.setLong(1, records.get(0).member().value());
                assertThat(mark.executeUpdate()).isEqualTo(1);
            }
            return crm.write(records);
        }

        @Override
        public ErrorClass classify(Exception failure) {
            return crm.classify(failure);
        }
    }

    @Test
    void a_sole_instance_pushes_at_once_the_members_its_killed_previous_run_had_leased() {
        try (StoreFixture store = new StoreFixture()) {
            InMemoryCrm crm = new InMemoryCrm(200);
            takeIn(store, 3);
            // The previous run leased them for two minutes and was killed before settling.
            store.transactions.inTransaction(() -> new PgOutbox(store.transactions).lease("testcrm", 200, 120));

            assertThat(drain(store, crm, Duration.ZERO).drain(() -> false, () -> true))
                    .as("one of several instances leaves another's leases alone").isZero();
            SyncStores stores = SyncStores.open(store.transactions);
            PushDrain sole = new PushDrain(store.transactions, new OutboxPusher(store.transactions,
                    store.core.profiles(), stores.deadLetters(), stores.sources(), Clock.systemUTC()), crm, FIELDS,
                    Duration.ZERO, READ_HOLD, true);
            assertThat(sole.drain(() -> false, () -> true)).isEqualTo(3);
            assertThat(depth(store)).isZero();
        }
    }

    private static long depth(StoreFixture store) {
        return store.transactions.read(() -> new PgOutbox(store.transactions).depth("testcrm"));
    }

    private static PushDrain drain(StoreFixture store, CrmWriter crm, Duration linger) {
        return drain(store, crm, linger, 1);
    }

    private static PushDrain drain(StoreFixture store, CrmWriter crm, Duration linger, int parallelCalls) {
        SyncStores stores = SyncStores.open(store.transactions);
        OutboxPusher pusher = new OutboxPusher(store.transactions, store.core.profiles(), stores.deadLetters(),
                stores.sources(), Clock.systemUTC());
        return new PushDrain(store.transactions, pusher, crm, FIELDS, linger, READ_HOLD, false, parallelCalls);
    }

    /** {@code count} new contacts of the test CRM in one batch: that many members marked in the outbox at once. */
    private static void takeIn(StoreFixture store, int count) {
        SyncStores stores = SyncStores.open(store.transactions);
        OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService);
        ContactIngest contacts = new ContactIngest(store.transactions, stores, Map.of("testcrm", FIELDS), orders);
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        List<InboundContact> inbound = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inbound.add(SyncEngineTest.contact("C" + i, "c" + i + "@example.com", t0));
        }
        contacts.apply(inbound, null);
    }
}
