package io.loyaltybridge.salesforce;

import io.loyaltybridge.support.HeldLock;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push drains on its own, continuously: members changed in the core (no inbound read running: one poll at
 * start, no change events) reach the org in ceil(N/200) calls, a single change within the linger and a small
 * margin, while the ingest lock is held by someone else, and a member changed again during its push goes again.
 */
class ContinuousPushTest {
    SalesforceSandbox sf;
    Harness h;
    int made;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withKeepAlive(Duration.ofSeconds(1)));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        sf.faults().clear();
        h.close();
        sf.close();
    }

    @Test
    void two_hundred_fifty_members_changed_together_are_written_in_two_calls_each_contact_once() {
        Map<String, Long> expected = startConverged(250);
        long calls = h.compositeCalls();
        long written = sf.calls().count("record.update");
        long reads = inboundReads();

        adjust(expected.keySet(), 7);
        expected.replaceAll((contact, points) -> points + 7);
        h.awaitConverged(expected);
        Harness.awaitSteady(h::compositeCalls, Duration.ofSeconds(1));

        assertThat(h.compositeCalls() - calls).as("ceil(250 / 200)").isEqualTo(Harness.callsFor(250));
        assertThat(sf.calls().count("record.update") - written).as("each contact written once").isEqualTo(250);
        assertThat(sf.calls().count("record.update.unchanged")).as("records written twice").isZero();
        assertThat(inboundReads()).as("no inbound read ran").isEqualTo(reads);
    }

    @Test
    void a_single_changed_member_reaches_salesforce_within_the_linger_and_a_small_margin_with_no_inbound_read() {
        Map<String, Long> expected = startConverged(3);
        long calls = h.compositeCalls();
        long reads = inboundReads();
        String contact = expected.keySet().iterator().next();

        long started = System.nanoTime();
        adjust(List.of(contact), 5);
        Harness.await("the change is shown in Salesforce", () -> shows(contact, expected.get(contact) + 5),
                Duration.ofSeconds(5));
        System.out.printf("single change to Salesforce in %d ms (linger 300 ms, looked at every 100 ms)%n",
                (System.nanoTime() - started) / 1_000_000);

        assertThat(h.compositeCalls() - calls).isEqualTo(1);
        assertThat(inboundReads()).as("no inbound read ran").isEqualTo(reads);
    }

    @Test
    void a_push_goes_out_while_an_inbound_batch_holds_the_ingest_lock() throws Exception {
        Map<String, Long> expected = startConverged(2);
        String contact = expected.keySet().iterator().next();
        try (HeldLock inbound = new HeldLock(h.core().ingestLock(), "an inbound batch")) {
            adjust(List.of(contact), 3);
            Harness.await("pushed while the ingest lock is held", () -> shows(contact, expected.get(contact) + 3),
                    Duration.ofSeconds(5));
            assertThat(inbound.stillHeld()).as("the lock was held throughout").isTrue();
        }
    }

    @Test
    void a_member_changed_again_while_its_push_is_in_flight_is_pushed_again() {
        Map<String, Long> expected = startConverged(2);
        String contact = expected.keySet().iterator().next();
        long calls = h.compositeCalls();

        sf.faults().latency(Duration.ofSeconds(2));
        adjust(List.of(contact), 5);
        Harness.await("the push has reached Salesforce and waits for its answer", () -> h.compositeCalls() == calls + 1);
        adjust(List.of(contact), 10);
        sf.faults().latency(Duration.ZERO);

        expected.put(contact, expected.get(contact) + 15);
        h.awaitConverged(expected);
        Harness.awaitSteady(h::compositeCalls, Duration.ofSeconds(1));
        assertThat(h.compositeCalls() - calls).as("the push in flight, then the change made meanwhile").isEqualTo(2);
    }

    /** {@code count} buyers taken in by the one poll at start and pushed; nothing reads after that. */
    private Map<String, Long> startConverged(int count) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int n = made++;
            String id = sf.admin().createContact(Map.of("LastName", "Buyer" + n, "Email", "b" + n + "@example.com"));
            sf.admin().createOrder(id, "Activated", LocalDate.of(2026, 3, 1), "EUR",
                    List.of(new Line("SKU-ACC-01", 1, 10 + i + 0.5)));
            expected.put(id, 10L + i);
        }
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "3600", "loyalty.salesforce.push.linger-ms", "300",
                "loyalty.salesforce.push.period-ms", "100"));
        // The per-order ingest of a few hundred orders takes its time on a loaded machine: wait for it first.
        Harness.await("every order taken in", () -> h.source("Order").map(o -> o.recordsIn() == count)
                .orElse(false), Duration.ofMinutes(2));
        h.awaitConverged(expected);
        Harness.awaitSteady(h::compositeCalls, Duration.ofSeconds(1));
        return expected;
    }

    /** Points given by hand to every member of {@code contacts} in one transaction, as a bulk adjustment does. */
    private void adjust(Collection<String> contacts, long points) {
        h.core().transactions().inTransaction(() -> {
            for (String contact : contacts) {
                h.core().ledgerService().adjust(h.member(contact).orElseThrow().id(), new PointsRequest(points,
                        "test", "adjust-" + contact + "-" + System.nanoTime(), "test"));
            }
            return null;
        });
    }

    private boolean shows(String contact, long points) {
        return sf.admin().field(contact, "Loyalty_Points__c") instanceof Number n && n.longValue() == points;
    }

    private long inboundReads() {
        return sf.calls().count("query") + sf.calls().count("queryAll") + sf.calls().count("queryMore");
    }
}
