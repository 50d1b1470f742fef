package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's lines as every way in reads them: a line deleted from a re-activated order earns nothing (queryAll
 * returns deleted child rows, flagged IsDeleted), and lines past the first child page are followed.
 */
class OrderLinesTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T10:00:00Z"));

    static final Map<String, String> POLL = Map.of("loyalty.salesforce.backfill.enabled", "false",
            "loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "1",
            "loyalty.salesforce.poll.lookback-seconds", "60");
    static final Map<String, String> EVENTS = Map.of("loyalty.salesforce.backfill.enabled", "false",
            "loyalty.salesforce.poll.period-seconds", "3600");
    static final Map<String, String> BACKFILL = Map.of("loyalty.salesforce.cdc.enabled", "false",
            "loyalty.salesforce.poll.period-seconds", "3600");

    @Test
    void a_line_deleted_from_a_reactivated_order_no_longer_earns_when_polled() {
        deletedLineScenario(POLL);
    }

    @Test
    void a_line_deleted_from_a_reactivated_order_no_longer_earns_by_change_events() {
        deletedLineScenario(EVENTS);
    }

    @Test
    void a_line_deleted_before_the_backfill_earns_nothing() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             Harness h = new Harness(sf)) {
            String ann = contact(sf);
            String order = sf.admin().createOrder(ann, "Draft", LocalDate.of(2026, 6, 30), "EUR",
                    List.of(new Line("SKU-SHOE-01", 1, 89.00), new Line("SKU-APP-03", 1, 19.99)));
            sf.admin().delete(shoeLine(sf, order));
            sf.admin().update(order, Map.of("Status", "Activated"));
            h.start(BACKFILL);
            h.awaitConverged(Map.of(ann, 19L));
        }
    }

    private void deletedLineScenario(Map<String, String> settings) {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withKeepAlive(Duration.ofSeconds(1))); Harness h = new Harness(sf)) {
            String ann = contact(sf);
            String order = sf.admin().createOrder(ann, "Activated", LocalDate.of(2026, 6, 30), "EUR",
                    List.of(new Line("SKU-SHOE-01", 1, 89.00), new Line("SKU-APP-03", 1, 19.99)));
            h.start(settings);
            h.awaitConverged(Map.of(ann, 108L));
            if (settings == EVENTS) {
                Harness.await("both event streams are open", () -> sf.openPubSubStreams() == 2);
            }

            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(order, Map.of("Status", "Draft"));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().delete(shoeLine(sf, order));
            assertThat(sf.admin().field(order, "TotalAmount")).isEqualTo(19.99);
            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(order, Map.of("Status", "Activated"));
            h.awaitConverged(Map.of(ann, 19L));
        }
    }

    @Test
    void lines_past_the_first_child_page_are_read_through_the_nested_next_records_url() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withChildPageSize(2)); Harness h = new Harness(sf)) {
            String ann = contact(sf);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(new Line("SKU-APP-03", 1, 10.00));
            }
            sf.admin().createOrder(ann, "Activated", LocalDate.of(2026, 6, 30), "EUR", lines);
            h.start(POLL);
            // two inline, then two pages of two behind the order's own OrderItems.nextRecordsUrl
            h.awaitConverged(Map.of(ann, 50L));
            assertThat(sf.calls().count("queryMore")).isGreaterThanOrEqualTo(2);
        }
    }

    private static String contact(SalesforceSandbox sf) {
        return sf.admin().createContact(Map.of("LastName", "Lines", "Email", "lines@example.com"));
    }

    private static String shoeLine(SalesforceSandbox sf, String order) {
        String shoe = sf.productId("SKU-SHOE-01");
        return sf.admin().records("OrderItem").stream()
                .filter(i -> order.equals(i.get("OrderId")) && shoe.equals(i.get("Product2Id")))
                .map(i -> (String) i.get("Id")).findFirst().orElseThrow();
    }
}
