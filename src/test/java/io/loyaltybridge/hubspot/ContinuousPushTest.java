package io.loyaltybridge.hubspot;

import io.loyaltybridge.support.HeldLock;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.domain.member.MemberId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HubSpot push has its own route: with the read cycle idle (one cycle at start, the next an hour later), members
 * changed in the core reach HubSpot in ceil(N/100) batch updates, a single change within the linger and a small
 * margin, and a push goes out while an inbound batch holds the ingest lock.
 */
class ContinuousPushTest {
    /** One read cycle at start, none after within a test. */
    private static final Map<String, String> ONE_CYCLE = Map.of("loyalty.hubspot.poll-interval-ms", "3600000");

    @Test
    void two_hundred_fifty_members_changed_together_are_written_in_three_batch_updates() {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = startInSync(250, contacts)) {
            long updates = w.batchUpdates();
            long reads = reads(w);

            adjust(w, contacts, 7);
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> contacts.stream().allMatch(w::inSync));
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.batchUpdates() == updates + 3);

            assertThat(w.points(w.memberOf(contacts.get(0)).orElseThrow())).isEqualTo(7);
            assertThat(reads(w)).as("no inbound read ran").isEqualTo(reads);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void a_single_changed_member_reaches_hubspot_within_the_linger_and_a_small_margin_with_no_read_cycle() {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = startInSync(3, contacts)) {
            long updates = w.batchUpdates();
            long reads = reads(w);

            long started = System.nanoTime();
            adjust(w, contacts.subList(0, 1), 5);
            HubSpotWorld.eventually(Duration.ofSeconds(5), () -> "5".equals(w.hs.admin().contact(contacts.get(0))
                    .orElseThrow().get("loyalty_points")));
            System.out.printf("single change to HubSpot in %d ms (linger 300 ms, looked at every 100 ms)%n",
                    (System.nanoTime() - started) / 1_000_000);

            assertThat(w.batchUpdates()).isEqualTo(updates + 1);
            assertThat(reads(w)).as("no inbound read ran").isEqualTo(reads);
        }
    }

    @Test
    void a_push_goes_out_while_an_inbound_batch_holds_the_ingest_lock() throws Exception {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = startInSync(2, contacts)) {
            try (HeldLock inbound = new HeldLock(w.app.core().ingestLock(), "an inbound batch")) {
                adjust(w, contacts.subList(0, 1), 3);
                HubSpotWorld.eventually(Duration.ofSeconds(5), () -> "3".equals(w.hs.admin()
                        .contact(contacts.get(0)).orElseThrow().get("loyalty_points")));
                assertThat(inbound.stillHeld()).as("the lock was held throughout").isTrue();
            }
        }
    }

    /** {@code count} contacts taken in by the first sync and pushed; the read cycle then stays idle. */
    private static HubSpotWorld startInSync(int count, List<Long> contacts) {
        HubSpotWorld w = HubSpotWorld.start(false, o -> o, ONE_CYCLE, hs -> {
            for (int i = 0; i < count; i++) {
                contacts.add(hs.admin().createContact("c" + i + "@example.com", "First" + i, "Last" + i));
            }
        });
        try {
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> contacts.stream().allMatch(w::inSync));
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.batchUpdates() == (count + 99) / 100);
            return w;
        } catch (RuntimeException | AssertionError e) {
            w.close();
            throw e;
        }
    }

    /** Points given by hand to each contact's member in one transaction, as a bulk adjustment does. */
    private static void adjust(HubSpotWorld w, Collection<Long> contacts, long points) {
        w.app.core().transactions().inTransaction(() -> {
            for (long contact : contacts) {
                MemberId member = w.memberOf(contact).orElseThrow();
                w.app.core().ledgerService().adjust(member, new PointsRequest(points, "test",
                        "adjust-" + contact + "-" + System.nanoTime(), "test"));
            }
            return null;
        });
    }

    /** Every call the app made to HubSpot but the batch updates: the reads. */
    private static long reads(HubSpotWorld w) {
        return w.hs.calls().snapshot().values().stream().mapToLong(Long::longValue).sum() - w.batchUpdates();
    }
}
