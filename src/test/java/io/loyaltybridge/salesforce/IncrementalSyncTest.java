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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Polling only (no backfill, no change events): SOQL on SystemModstamp through camel-salesforce. */
class IncrementalSyncTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));
    SalesforceSandbox sf;
    Harness h;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        h.close();
        sf.close();
    }

    Map<String, String> pollingOnly() {
        return Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "1", "loyalty.salesforce.poll.lookback-seconds", "60");
    }

    String contact(String name) {
        return sf.admin().createContact(Map.of("LastName", name, "Email", name.toLowerCase() + "@example.com"));
    }

    String order(String contact, String status, double price) {
        return sf.admin().createOrder(contact, status, LocalDate.of(2026, 5, 1), "EUR",
                List.of(new Line("SKU-SHOE-01", 1, price)));
    }

    @Test
    void records_sharing_one_system_modstamp_across_polls_are_all_taken_once_and_pushed_in_one_call_each_200() {
        // Three contacts share one SystemModstamp; the connector reads them, then two more arrive with the very
        // same stamp. A strict '>' cursor would miss those two; re-reading the first three must not double points.
        List<String> first = List.of(contact("Ann"), contact("Ben"), contact("Cem"));
        Map<String, Long> expected = new HashMap<>();
        for (String id : first) {
            order(id, "Activated", 120.5);
            expected.put(id, 120L);
        }
        h.start(pollingOnly());
        h.awaitConverged(expected);
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(3));

        List<String> late = List.of(contact("Dee"), contact("Eve"));
        for (String id : late) {
            order(id, "Activated", 80.99);
            expected.put(id, 80L);
        }
        assertThat(sf.admin().field(late.get(1), "SystemModstamp"))
                .isEqualTo(sf.admin().field(first.get(0), "SystemModstamp"));
        h.awaitConverged(expected);
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(3) + Harness.callsFor(2));
        Harness.awaitSteady(h::compositeCalls, Duration.ofMillis(1500));
    }

    @Test
    void an_order_deactivated_or_deleted_claws_its_points_back_and_an_undeleted_one_earns_again() {
        String ann = contact("Ann");
        String keep = order(ann, "Activated", 50);
        String draft = order(ann, "Draft", 70);
        String gone = order(ann, "Activated", 30);
        h.start(pollingOnly());
        h.awaitConverged(Map.of(ann, 80L));

        clock.advance(Duration.ofSeconds(1));
        sf.admin().update(keep, Map.of("Status", "Draft"));
        sf.admin().update(draft, Map.of("Status", "Activated"));
        clock.advance(Duration.ofSeconds(1));
        sf.admin().delete(gone);
        h.awaitConverged(Map.of(ann, 70L));

        clock.advance(Duration.ofSeconds(1));
        sf.admin().undelete(gone);
        h.awaitConverged(Map.of(ann, 100L));
        assertThat(h.compositeCalls()).isEqualTo(3);
    }

    @Test
    void two_hundred_and_fifty_changed_contacts_are_written_in_two_calls() {
        List<String> ids = sf.seed(250, 0, 17);
        h.start(pollingOnly());
        Map<String, Long> expected = new HashMap<>();
        ids.forEach(id -> expected.put(id, 0L));
        h.awaitConverged(expected);
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(250)).isEqualTo(2);
        // Each contact is taken in; a poll after our push may take it again (its SystemModstamp moved with our own
        // write), which changes nothing and costs no call: the count above is what must be exact.
        assertThat(h.source("Contact").orElseThrow().recordsIn()).isGreaterThanOrEqualTo(250);
    }
}
