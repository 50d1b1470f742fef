package io.loyaltybridge.hubspot;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing changed in HubSpot, a cycle costs one search per object and nothing else, also when the lookback
 * window (300 s, the default) holds hundreds of records and our own writes: records read before are not paged
 * through again, and orders read again are dropped before any association read.
 */
class QuietCyclesTest {
    private static final String CONTACT_SEARCH = "POST /crm/v3/objects/contacts/search";
    private static final String ORDER_SEARCH = "POST /crm/v3/objects/orders/search";

    @Test
    void a_quiet_cycle_is_one_search_per_object_and_no_association_read_even_right_after_a_push() throws Exception {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o,
                Map.of("loyalty.hubspot.lookback-seconds", "300", "loyalty.hubspot.poll-interval-ms", "200"), hs -> {
                    for (int i = 0; i < 250; i++) {
                        contacts.add(hs.admin().createContact("q" + i + "@example.com", "Q" + i, "Quiet"));
                    }
                    for (int i = 0; i < 5; i++) {
                        hs.admin().createOrder(contacts.get(i), FirstSyncTest.order("10", "processed"));
                    }
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(40), () -> contacts.stream().allMatch(w::inSync));
            assertQuiet(w);

            // A push: one more order earns, its contact's new points are written, and read back once.
            long pushes = w.batchUpdates();
            w.hs.admin().createOrder(contacts.get(7), FirstSyncTest.order("25", "processed"));
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.batchUpdates() == pushes + 1
                    && w.inSync(contacts.get(7)));
            assertQuiet(w);
            w.assertLedgerAndSpecs();
        }
    }

    /** Waits for the read-back of the last writes, then counts the calls of 2 s of cycles. */
    private static void assertQuiet(HubSpotWorld w) throws InterruptedException {
        Thread.sleep(1_500);
        Map<String, Long> before = new HashMap<>(w.hs.calls().snapshot());
        Thread.sleep(2_000);
        Map<String, Long> made = new HashMap<>();
        w.hs.calls().snapshot().forEach((endpoint, n) -> {
            long delta = n - before.getOrDefault(endpoint, 0L);
            if (delta > 0) {
                made.put(endpoint, delta);
            }
        });
        long contactSearches = made.getOrDefault(CONTACT_SEARCH, 0L);
        long orderSearches = made.getOrDefault(ORDER_SEARCH, 0L);
        assertThat(contactSearches).as("cycles ran: %s", made).isPositive();
        // One of each per cycle (a cycle may straddle the start or the end of the two seconds).
        assertThat(Math.abs(contactSearches - orderSearches)).as("calls %s", made).isLessThanOrEqualTo(1);
        assertThat(made.keySet()).as("nothing but searches").containsOnlyOnce(CONTACT_SEARCH, ORDER_SEARCH)
                .hasSize(2);
    }
}
