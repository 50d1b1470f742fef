package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app processes on one database, with both connectors on one Salesforce org and one HubSpot account, as
 * behind a load balancer: clustered Quartz runs each job on one of them, the change event streams run where the
 * lease is, the outbox is drained without pushing a change twice, and when one instance is killed the other takes
 * its work over and reaches the same end state.
 */
class ClusterTest {
    static final String LEASE = "salesforce-change-events";

    @Test
    void twoInstancesShareOneDatabaseAndTheSurvivorTakesOverWhenOneIsKilled() throws Exception {
        int portA = TestApp.freePort();
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withKeepAlive(Duration.ofSeconds(1)));
             HubSpotSide hubspot = new HubSpotSide(portA, 8);
             Instances world = new Instances(sf)) {
            List<String> contacts = sf.seed(60, 300, 41);
            Map<String, String> settings = new HashMap<>(Map.of("loyalty.cluster.enabled", "true",
                    "loyalty.cluster.lease-seconds", "2", "loyalty.cluster.checkin-interval-ms", "1000",
                    "loyalty.salesforce.poll.period-seconds", "3600"));
            settings.putAll(hubspot.settings());
            Map<String, String> settingsB = new HashMap<>(settings);
            settings.put("camel.server.port", Integer.toString(portA));
            // Started together, as an orchestrator starts replicas: they must not trip over each other's Quartz jobs.
            CompletableFuture<AppProcess> starting = CompletableFuture.supplyAsync(() -> world.start("cluster-b",
                    settingsB, hubspot.secrets()));
            AppProcess a = world.start("cluster-a", settings, hubspot.secrets());
            AppProcess b = starting.join();
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(60));
            Harness.await("HubSpot converged", () -> hubspot.converged(world.core));
            assertThat(Db.count(world.config.databaseUrl, "qrtz_scheduler_state")).as("instances in the cluster")
                    .isEqualTo(2);
            assertThat(sf.calls().count("bulk.create")).as("one backfill, on one instance").isEqualTo(3);
            assertThat(sf.calls().count("record.update")).as("every contact written").isGreaterThanOrEqualTo(60);
            assertThat(sf.calls().count("record.update.unchanged")).as("no change written twice").isZero();
            Harness.await("one instance holds the event streams", () -> holderIs(world, a) || holderIs(world, b));
            Harness.await("only the holder subscribes", () -> sf.openPubSubStreams() == 2);

            CrashTest.LiveShop shop = new CrashTest.LiveShop(sf, contacts);
            long writesBefore = sf.calls().count("record.update");
            long unchangedBefore = sf.calls().count("record.update.unchanged");
            shop.orders(10);
            hubspot.order(hubspot.contacts.get(0), 30);
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(30));

            AppProcess holder = holderIs(world, a) ? a : b;
            AppProcess survivor = holder == a ? b : a;
            holder.kill();
            shop.orders(10);
            hubspot.order(hubspot.contacts.get(1), 30);
            Harness.await("the survivor took the event streams over", () -> holderIs(world, survivor),
                    Duration.ofSeconds(20));
            world.awaitConverged(BackfillTest.expectedPoints(sf, contacts), Duration.ofSeconds(40));
            Harness.await("HubSpot converged", () -> hubspot.converged(world.core), Duration.ofSeconds(30));
            // The lease is taken a moment before the streams open (the catch-up poll may converge first).
            Harness.await("the survivor subscribes", () -> sf.openPubSubStreams() == 2);
            // A change pushed by both instances reaches the contact twice, the second time changing nothing. (A contact
            // may legitimately be written more than once per order: points, then a tier or badge a moment later.)
            assertThat(sf.calls().count("record.update") - writesBefore).isPositive();
            assertThat(sf.calls().count("record.update.unchanged") - unchangedBefore).isZero();
            assertThat(survivor.alive()).isTrue();

            // A clean stop hands the lease back at once, for the next instance not to wait for it to run out.
            survivor.stop();
            assertThat(world.core.leaseHolder(LEASE)).isNull();
        }
    }

    private static boolean holderIs(Instances world, AppProcess app) {
        String holder = world.core.leaseHolder(LEASE);
        return holder != null && holder.contains("/" + app.pid() + "/");
    }
}
