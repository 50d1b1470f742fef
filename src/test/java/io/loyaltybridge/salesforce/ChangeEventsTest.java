package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change Data Capture over the Pub/Sub API through camel's pubSubSubscribe. Polls are an hour apart here, so
 * whatever arrives after the start does so by change events.
 */
class ChangeEventsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z"));
    SalesforceSandbox sf;
    Harness h;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock).withKeepAlive(Duration.ofSeconds(1)));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        h.close();
        sf.close();
    }

    static Map<String, String> eventsOnly() {
        return Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.poll.period-seconds", "3600");
    }

    void startAndSubscribe() {
        startAndSubscribe(eventsOnly());
    }

    void startAndSubscribe(Map<String, String> settings) {
        int before = sf.openPubSubStreams();
        h.start(settings);
        Harness.await("both event streams are open", () -> sf.openPubSubStreams() == before + 2);
        Harness.await("the start-up catch-up poll ran", () -> h.source("Order").isPresent()
                || sf.calls().count("queryAll") >= 2);
    }

    String contact(String name) {
        clock.advance(Duration.ofMillis(10));
        return sf.admin().createContact(Map.of("LastName", name, "Email", name.toLowerCase() + "@example.com"));
    }

    String order(String contact, String status, double price) {
        clock.advance(Duration.ofMillis(10));
        return sf.admin().createOrder(contact, status, LocalDate.of(2026, 6, 1), "EUR",
                List.of(new Line("SKU-APP-01", 2, price / 2)));
    }

    @Test
    void created_contacts_and_orders_arrive_by_events_and_our_own_write_does_not_come_back() {
        startAndSubscribe();
        String ann = contact("Ann");
        String bob = contact("Bob");
        order(ann, "Activated", 99.9);
        order(bob, "Activated", 10);
        h.awaitConverged(Map.of(ann, 99L, bob, 10L));
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(2));

        // Our write raised change events with our client as their origin: no read, no second write.
        long reads = sf.calls().count("queryAll");
        Harness.await("the echo's replay id is stored", () -> sf.retainedEvents() > 0
                && h.source("Contact").map(s -> s.replayId() != null).orElse(false));
        Harness.awaitSteady(() -> List.of(sf.calls().count("queryAll"), h.compositeCalls()), Duration.ofMillis(1500));
        assertThat(sf.calls().count("queryAll")).isEqualTo(reads);
    }

    @Test
    void an_update_to_loyalty_fields_alone_is_an_echo_and_a_merged_event_is_read_in_one_call() {
        startAndSubscribe();
        List<String> ids = List.of(contact("A"), contact("B"), contact("C"));
        h.awaitConverged(Map.of(ids.get(0), 0L, ids.get(1), 0L, ids.get(2), 0L));
        long reads = sf.calls().count("queryAll");

        clock.advance(Duration.ofSeconds(1));
        sf.admin().updateAll(ids, Map.of("Loyalty_Segment__c", "Someone else's idea"));
        Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1000));
        assertThat(sf.calls().count("queryAll")).isEqualTo(reads);

        clock.advance(Duration.ofSeconds(1));
        sf.admin().updateAll(ids, Map.of("FirstName", "Renamed"));
        Harness.await("the renamed members", () -> ids.stream().allMatch(id -> h.member(id).orElseThrow()
                .firstName() != null && h.member(id).orElseThrow().firstName().equals("Renamed")));
        assertThat(sf.calls().count("queryAll")).isEqualTo(reads + 1);
    }

    @Test
    void a_restarted_connector_resumes_after_its_stored_replay_id() {
        startAndSubscribe();
        String ann = contact("Ann");
        order(ann, "Activated", 40);
        h.awaitConverged(Map.of(ann, 40L));
        h.stop();
        Harness.await("streams closed", () -> sf.openPubSubStreams() == 0);

        String bob = contact("Bob");
        order(bob, "Activated", 25);
        order(ann, "Activated", 5);
        long polls = sf.calls().count("queryAll");
        Map<String, String> settings = new java.util.HashMap<>(eventsOnly());
        settings.put("loyalty.salesforce.events.linger-ms", "2000");
        h.start(settings);
        h.awaitConverged(Map.of(ann, 45L, bob, 25L));
        // no catch-up poll ran: the new contact was read by id, and the two orders in one call (one batch)
        assertThat(sf.calls().count("queryAll") - polls).isEqualTo(2);
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(1) + Harness.callsFor(2));
    }

    @Test
    void a_replay_id_past_retention_falls_back_to_a_catch_up_poll_without_gap_or_loop() {
        startAndSubscribe();
        String ann = contact("Ann");
        h.awaitConverged(Map.of(ann, 0L));
        h.stop();
        Harness.await("streams closed", () -> sf.openPubSubStreams() == 0);

        clock.advance(Duration.ofHours(73));
        order(ann, "Activated", 60);
        h.start(eventsOnly());
        h.awaitConverged(Map.of(ann, 60L));
        assertThat(h.source("Contact").orElseThrow().lastError()).contains("replay id");

        String bob = contact("Bob");
        order(bob, "Activated", 7);
        h.awaitConverged(Map.of(ann, 60L, bob, 7L));
        Harness.awaitSteady(sf::openPubSubStreams, Duration.ofMillis(1000));
        assertThat(sf.openPubSubStreams()).isEqualTo(2);
    }

    @Test
    void a_deleted_order_claws_its_points_back_and_an_undeleted_one_earns_them_again() {
        startAndSubscribe();
        String ann = contact("Ann");
        String gone = order(ann, "Activated", 30);
        h.awaitConverged(Map.of(ann, 30L));
        clock.advance(Duration.ofSeconds(1));
        sf.admin().delete(gone);
        h.awaitConverged(Map.of(ann, 0L));
        clock.advance(Duration.ofSeconds(1));
        sf.admin().undelete(gone);
        h.awaitConverged(Map.of(ann, 30L));
        assertThat(h.compositeCalls()).isEqualTo(3);
    }

    @Test
    void a_burst_of_changes_is_read_in_batches_of_200_ids_and_a_restart_replays_nothing_already_settled() {
        // Batches complete by size only here: the interval would close the first one a minute after the start.
        Map<String, String> settings = new java.util.HashMap<>(eventsOnly());
        settings.put("loyalty.salesforce.events.linger-ms", "60000");
        startAndSubscribe(settings);
        // the start-up catch-up poll reads Contact, then Order: counting starts once it is done
        Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1000));
        long before = sf.calls().count("queryAll");
        List<String> people = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(contact("Burst" + i));
        }
        Map<String, Long> none = new java.util.HashMap<>();
        people.forEach(id -> none.put(id, 0L));
        h.awaitConverged(none);
        assertThat(sf.calls().count("queryAll") - before).isLessThanOrEqualTo(Harness.callsFor(people.size()));

        long beforeOrders = sf.calls().count("queryAll");
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            String buyer = people.get(i % people.size());
            order(buyer, "Activated", 10 + i % 3);
            expected.merge(buyer, 10L + i % 3, Long::sum);
        }
        h.awaitConverged(expected);
        assertThat(sf.calls().count("queryAll") - beforeOrders).isLessThanOrEqualTo(Harness.callsFor(400));

        // Each batch stored its last event's replay id: started again, the streams resume after the last order
        // event, and nothing is read again (the pending echoes of our own push come back, and are passed over).
        h.stop();
        Harness.await("streams closed", () -> sf.openPubSubStreams() == 0);
        long stopped = sf.calls().count("queryAll");
        h.start(settings);
        Harness.await("both event streams are open", () -> sf.openPubSubStreams() == 2);
        Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1500));
        assertThat(sf.calls().count("queryAll")).isEqualTo(stopped);
        assertThat(h.points(people.get(0))).isEqualTo(expected.get(people.get(0)));
    }
}
