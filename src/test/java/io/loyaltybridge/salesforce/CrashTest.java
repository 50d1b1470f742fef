package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.support.AppProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the app (a child JVM running the real main) in the middle of its work, then a restart on the same
 * database: the ledger ends exactly where the org's orders say, the org shows the core's points, and the restarted
 * app carries on from its stored cursors instead of reading the org again from the start.
 */
class CrashTest {
    @Test
    void aKilledAppResumesItsBackfillWithoutLosingOrDoublingAPoint() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             Instances world = new Instances(sf)) {
            List<String> contacts = sf.seed(100, 1500, 31);
            Map<String, Long> expected = BackfillTest.expectedPoints(sf, contacts);
            Map<String, String> settings = Map.of("loyalty.salesforce.cdc.enabled", "false",
                    "loyalty.salesforce.poll.period-seconds", "3600", "loyalty.salesforce.backfill.page-size", "200",
                    "loyalty.salesforce.batch-size", "20");
            AppProcess first = world.start("backfill-1", settings);
            Harness.await("the order backfill is under way", () -> world.core.source("salesforce", "Order")
                    .map(s -> s.recordsIn() > 0).orElse(false), Duration.ofSeconds(60));
            first.kill();
            PgSyncSources.Source orders = world.core.source("salesforce", "Order").orElseThrow();
            assertThat(orders.backfillDone()).as("killed before the backfill ended").isFalse();
            PgSyncSources.Source contactsRead = world.core.source("salesforce", "Contact").orElseThrow();
            assertThat(contactsRead.backfillDone()).isTrue();
            long bulkJobsBefore = sf.calls().count("bulk.create");

            world.start("backfill-2", settings);
            world.awaitConverged(expected, Duration.ofSeconds(60));
            assertThat(world.core.source("salesforce", "Order").orElseThrow().backfillDone()).isTrue();
            // Resumed, not restarted: the contacts are not read again, only the orders (and their items) job runs anew,
            // and the order cursor never went back.
            assertThat(sf.calls().count("bulk.create") - bulkJobsBefore).isEqualTo(2);
            assertThat(world.core.source("salesforce", "Contact").orElseThrow().recordsIn())
                    .isEqualTo(contactsRead.recordsIn());
            assertThat(world.core.source("salesforce", "Order").orElseThrow().watermark())
                    .isAfterOrEqualTo(orders.watermark());
        }
    }

    @Test
    void aKilledAppResumesItsChangeEventsAtTheStoredReplayIdAndLosesNoOrderMadeWhileItWasDown() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withKeepAlive(Duration.ofSeconds(1)));
             Instances world = new Instances(sf)) {
            List<String> contacts = sf.seed(40, 120, 32);
            // Polls an hour apart: after the start, orders reach the core by change events only.
            Map<String, String> settings = Map.of("loyalty.salesforce.poll.period-seconds", "3600");
            AppProcess first = world.start("steady-1", settings);
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(60));
            LiveShop shop = new LiveShop(sf, contacts);
            shop.orders(15);
            Harness.await("order events are taken in and their replay id stored", () -> world.core
                    .source("salesforce", "Order").map(s -> s.replayId() != null).orElse(false)
                    && world.points(shop.lastContact) == expected(sf, shop.lastContact));
            byte[] replayBefore = world.core.source("salesforce", "Order").orElseThrow().replayId();
            shop.orders(5); // the app may be taking these in while it dies
            first.kill();
            shop.orders(15); // made while no app runs: only a replay from the stored id brings them
            var pollCursor = world.core.source("salesforce", "Order").orElseThrow().watermark();
            long bulkJobsBefore = sf.calls().count("bulk.create");

            world.start("steady-2", settings);
            shop.orders(10);
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(60));
            assertThat(world.core.source("salesforce", "Order").orElseThrow().replayId()).isNotEqualTo(replayBefore);
            assertThat(sf.calls().count("bulk.create")).as("no new backfill").isEqualTo(bulkJobsBefore);
            // The poll cursor did not move: no catch-up read brought the orders made while the app was down, the
            // stream's replay from the stored id did.
            assertThat(world.core.source("salesforce", "Order").orElseThrow().watermark()).as("poll cursor")
                    .isEqualTo(pollCursor);
        }
    }

    static long expected(SalesforceSandbox sf, String contact) {
        try {
            return BackfillTest.expectedPoints(sf, List.of(contact)).get(contact);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** New activated EUR orders for the seeded contacts, as a shop keeps making them. */
    static final class LiveShop {
        private final SalesforceSandbox sf;
        private final List<String> contacts;
        private int made;
        String lastContact;

        LiveShop(SalesforceSandbox sf, List<String> contacts) {
            this.sf = sf;
            this.contacts = contacts;
        }

        void orders(int count) {
            for (int i = 0; i < count; i++) {
                lastContact = contacts.get(made % contacts.size());
                sf.admin().createOrder(lastContact, "Activated", LocalDate.now(), "EUR",
                        List.of(new Line("SKU-APP-01", 1, 10 + made % 7)));
                made++;
            }
        }
    }
}
