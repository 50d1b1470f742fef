package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the app (a child JVM running the real main) in the middle of its work, then a restart on the same
 * database: the ledger ends exactly where the CRMs' orders say, Salesforce and HubSpot show the core's points, and
 * the restarted app carries on from its stored cursors and replay ids instead of reading the CRMs again from the start.
 */
class CrashTest {
    @Test
    void aKilledAppResumesItsBackfillAndItsChangeEventsWithoutLosingOrDoublingAPoint() throws Exception {
        int port = TestApp.freePort(); // the same at every restart: HubSpot's webhooks go there
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withKeepAlive(Duration.ofSeconds(1)));
             HubSpotSide hubspot = new HubSpotSide(port, 6);
             Instances world = new Instances(sf)) {
            List<String> contacts = sf.seed(80, 600, 31);
            // Polls an hour apart: once the backfill is done, orders reach the core by change events only.
            Map<String, String> settings = new HashMap<>(Map.of("loyalty.salesforce.poll.period-seconds", "3600",
                    "loyalty.salesforce.backfill.page-size", "200", "loyalty.salesforce.batch-size", "10",
                    "camel.server.port", Integer.toString(port)));
            settings.putAll(hubspot.settings());

            // 1. Killed in the middle of the backfill.
            AppProcess first = world.start("crash-1", settings, hubspot.secrets());
            Harness.await("the order backfill is under way", () -> world.core.source("salesforce", "Order")
                    .map(s -> s.recordsIn() > 0).orElse(false), Duration.ofSeconds(60));
            first.kill();
            PgSyncSources.Source orders = world.core.source("salesforce", "Order").orElseThrow();
            assertThat(orders.backfillDone()).as("killed before the backfill ended").isFalse();
            PgSyncSources.Source contactsRead = world.core.source("salesforce", "Contact").orElseThrow();
            assertThat(contactsRead.backfillDone()).isTrue();
            long bulkJobs = sf.calls().count("bulk.create");
            AppProcess second = world.start("crash-2", settings, hubspot.secrets());
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(60));
            assertThat(world.core.source("salesforce", "Order").orElseThrow().backfillDone()).isTrue();
            Harness.await("HubSpot converged", () -> hubspot.converged(world.core));
            // Resumed, not restarted: the contacts are not read again, only the orders (and their items) job runs
            // anew, and the order cursor never went back.
            assertThat(sf.calls().count("bulk.create") - bulkJobs).isEqualTo(2);
            assertThat(world.core.source("salesforce", "Contact").orElseThrow().recordsIn())
                    .isEqualTo(contactsRead.recordsIn());
            assertThat(world.core.source("salesforce", "Order").orElseThrow().watermark())
                    .isAfterOrEqualTo(orders.watermark());

            // 2. Killed while orders arrive by change events; more are made while it is down.
            LiveShop shop = new LiveShop(sf, contacts);
            shop.orders(15);
            hubspot.order(hubspot.contacts.get(0), 30);
            Harness.await("order events are taken in and their replay id stored", () -> world.core
                    .source("salesforce", "Order").map(s -> s.replayId() != null).orElse(false)
                    && world.points(shop.lastContact) == expected(sf, shop.lastContact));
            byte[] replayBefore = world.core.source("salesforce", "Order").orElseThrow().replayId();
            shop.orders(5); // the app may be taking these in while it dies
            second.kill();
            shop.orders(15); // made while no app runs: only a replay from the stored id brings them
            hubspot.order(hubspot.contacts.get(1), 30); // its webhook finds nobody: the next search brings it
            Harness.await("the HubSpot order cursor is stored", () -> world.core.source("hubspot", "orders")
                    .map(s -> s.watermark() != null).orElse(false));
            var hubspotCursor = world.core.source("hubspot", "orders").orElseThrow().watermark();
            var pollCursor = world.core.source("salesforce", "Order").orElseThrow().watermark();
            bulkJobs = sf.calls().count("bulk.create");
            world.start("crash-3", settings, hubspot.secrets());
            shop.orders(10);
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(60));
            Harness.await("HubSpot converged", () -> hubspot.converged(world.core));
            assertThat(world.core.source("hubspot", "orders").orElseThrow().watermark()).as("HubSpot cursor resumed")
                    .isAfterOrEqualTo(hubspotCursor);
            assertThat(world.core.source("salesforce", "Order").orElseThrow().replayId()).isNotEqualTo(replayBefore);
            assertThat(sf.calls().count("bulk.create")).as("no new backfill").isEqualTo(bulkJobs);
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
