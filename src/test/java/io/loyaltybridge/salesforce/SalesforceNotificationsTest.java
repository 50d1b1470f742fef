package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications into Salesforce through the real camel-salesforce client against the sandbox org: a Task on the
 * Contact per event, or a Loyalty_Event__e platform event; consent read from HasOptedOutOfEmail.
 */
class SalesforceNotificationsTest {
    final MutableClock clock = new MutableClock(Instant.now());
    final SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
    final Harness h = new Harness(sf);

    @AfterEach
    void stop() {
        h.close();
        sf.close();
    }

    Map<String, String> settings(String mode) {
        Map<String, String> s = new HashMap<>(Map.of("loyalty.salesforce.backfill.enabled", "false",
                "loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "1",
                "loyalty.salesforce.poll.lookback-seconds", "60", "loyalty.notify.salesforce.enabled", "true",
                "loyalty.notify.salesforce.mode", mode, "loyalty.notify.poll-interval-ms", "150",
                "loyalty.notify.retry-base-ms", "100"));
        return s;
    }

    @Test
    void eachEventIsOneTaskOnTheContactThenOnePlatformEventAfterARestartInThatModeAndOptOutIsRecordedAsConsent() {
        String contact = sf.admin().createContact(Map.of("FirstName", "Ann", "LastName", "Opted",
                "Email", "ann.opted@example.com", "HasOptedOutOfEmail", true));
        order(contact, 120.5);
        h.start(settings("task"));
        Harness.await("one task", () -> tasks(contact).size() == 1);
        Map<String, Object> task = tasks(contact).get(0);
        assertThat(task.get("Subject")).isEqualTo("You earned 120 points");
        assertThat((String) task.get("Description")).contains("Hello Ann", "balance is 120 points");
        assertThat(task.get("Status")).isEqualTo("Completed");

        // Salesforce fails the next calls (polls or the task): whatever failed is retried; the app stops with the
        // second event's delivery perhaps pending and restarts publishing platform events instead.
        sf.faults().failNext(2, 503);
        order(contact, 30);
        Harness.await("second event recorded", () -> Db.longValue(h.databaseUrl,
                "SELECT count(*) FROM member_events WHERE event_type = 'points_earned'") == 2);
        h.stop();
        h.start(settings("platform-event"));
        order(contact, 10);
        Harness.await("three events delivered", () -> Db.longValue(h.databaseUrl,
                "SELECT count(*) FROM notification_deliveries WHERE status = 'delivered'") == 3);
        Harness.awaitSteady(() -> tasks(contact).size() + sf.publishedEvents().size(), Duration.ofMillis(700));
        assertThat(tasks(contact).size() + sf.publishedEvents().size()).isEqualTo(3);
        Map<String, Object> event = sf.publishedEvents().get(sf.publishedEvents().size() - 1);
        assertThat(event.get("Event_Type__c")).isEqualTo("points_earned");
        assertThat(event.get("Contact_Id__c")).isEqualTo(contact);
        assertThat(event.get("Subject__c")).isEqualTo("You earned 10 points");

        assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM consent_history WHERE source = 'salesforce'"
                + " AND NOT marketing")).isEqualTo(1);
        assertThat(h.app.ledgerCheck().mismatches()).isEmpty();
    }

    private void order(String contact, double price) {
        sf.admin().createOrder(contact, "Activated", LocalDate.now(), "EUR",
                List.of(new Line("SKU-SHOE-01", 1, price)));
    }

    private List<Map<String, Object>> tasks(String contact) {
        return sf.admin().records("Task").stream().filter(t -> contact.equals(t.get("WhoId"))).toList();
    }
}
