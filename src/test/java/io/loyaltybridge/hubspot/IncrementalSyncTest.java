package io.loyaltybridge.hubspot;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Incremental reads: records sharing a millisecond across page boundaries, the overlap, and de-duplication. */
class IncrementalSyncTest {

    @Test
    void records_sharing_the_cursor_millisecond_across_pages_are_all_taken_once_and_later_changes_follow() {
        FreezableClock clock = new FreezableClock();
        long[] ids = new long[3];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.clock(clock),
                // The push waits for a cycle's reads (here two pages) up to read-hold-ms: generous, so that a cycle
                // slowed by a loaded machine still costs one write, which is what this test is about.
                Map.of("loyalty.hubspot.search.page-size", "2", "loyalty.hubspot.push.read-hold-ms", "5000"), hs -> {
                    clock.freeze();
                    for (int i = 0; i < 3; i++) {
                        ids[i] = hs.admin().createContact("b" + i + "@example.com", "B" + i, "Boundary");
                    }
                    clock.release();
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.batchUpdates() == 1
                    && List.of(ids[0], ids[1], ids[2]).stream().allMatch(w::inSync));

            // One millisecond again: a name change, a new contact and an order, read over two pages of two.
            clock.freeze();
            w.hs.admin().update(ObjectType.CONTACTS, ids[0], Map.of("firstname", "Renamed"));
            long added = w.hs.admin().createContact("b3@example.com", "B3", "Boundary");
            w.hs.admin().createOrder(ids[1], FirstSyncTest.order("50.90", "processed"));
            clock.release();

            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.memberOf(added).isPresent()
                    && w.points(w.memberOf(ids[1]).orElseThrow()) == 50 && w.inSync(added) && w.inSync(ids[1]));
            // The overlap reads the same records again in later cycles: nothing is taken twice or pushed again.
            // One write for the three changes, or two when a cycle ran between them (the new contact in one cycle,
            // the order in the next: the push holds only for a cycle that took in a change).
            // Both contacts show their members already, so every write their changes needed has been made.
            long updates = w.batchUpdates();
            assertThat(updates).isBetween(2L, 3L);
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.batchUpdates() == updates);
            MemberId renamed = w.memberOf(ids[0]).orElseThrow();
            assertThat(w.app.core().memberService().profile(renamed).member().firstName()).isEqualTo("Renamed");
            assertThat(w.points(w.memberOf(ids[1]).orElseThrow())).isEqualTo(50);
            assertThat(w.ledgerEntries()).isEqualTo(1);
            for (long id : new long[] {ids[0], ids[1], ids[2], added}) {
                assertThat(w.inSync(id)).as("contact %d shows its member's profile", id).isTrue();
            }
            w.assertLedgerAndSpecs();
        }
    }
}
