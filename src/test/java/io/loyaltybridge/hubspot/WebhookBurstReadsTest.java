package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of webhook events is read by the record, 100 ids a call per object type, whatever the number of events:
 * an order created in HubSpot arrives as a creation and one event per property set, and our own pushes come back
 * as echoes. Calls are counted where they leave the app, at the spec-checking proxy.
 */
class WebhookBurstReadsTest {
    private static final String ORDERS_READ = "POST /crm/v3/objects/orders/batch/read";
    private static final String CONTACTS_OF_ORDERS = "POST /crm/v4/associations/orders/contacts/batch/read";
    private static final String ITEMS_OF_ORDERS = "POST /crm/v4/associations/orders/line_items/batch/read";
    private static final String ITEMS_READ = "POST /crm/v3/objects/line_items/batch/read";
    private static final String CONTACTS_READ = "POST /crm/v3/objects/contacts/batch/read";
    /** One drain for the whole burst: no timer drain, no early start, the burst lands within the linger. */
    private static final Map<String, String> ONE_DRAIN = Map.of("loyalty.hubspot.poll-interval-ms", "3600000",
            "loyalty.hubspot.webhook.drain-interval-ms", "600000", "loyalty.hubspot.webhook.linger-ms", "6000",
            "loyalty.hubspot.webhook.batch-size", "1000", "loyalty.hubspot.webhook.max-events", "20000");

    @Test
    void a_burst_of_webhook_events_for_250_new_orders_costs_at_most_one_read_per_100_records_of_each_type() {
        int orders = 250;
        try (HubSpotWorld w = HubSpotWorld.start(true, o -> o, ONE_DRAIN, hs -> { })) {
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> Db.longValue(w.url, "SELECT count(*)"
                    + " FROM sync_sources WHERE system = 'hubspot' AND backfill_done") >= 2);
            List<Long> contacts = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                contacts.add(w.hs.admin().createContact("burst" + i + "@example.com", "Burst", "No" + i));
            }
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> contacts.stream().allMatch(w::inSync)
                    && pending(w) == 0);
            long deliveredBefore = w.hs.webhookLog().eventsDelivered();
            long mark = System.currentTimeMillis();

            int items = 0;
            for (int i = 0; i < orders; i++) {
                long order = w.hs.admin().createOrder(contacts.get(i), FirstSyncTest.order("100", "processed"));
                // Every other order has a line: its line items are read too, by the batch.
                if (i % 2 == 0) {
                    w.hs.admin().createLineItem(ObjectType.ORDERS, order, Map.of("name", "Runner", "quantity",
                            "1", "price", "100", "hs_sku", "SHOE-1"));
                    items++;
                }
            }
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> Db.longValue(w.url,
                    "SELECT count(*) FROM orders") == orders && pending(w) == 0);
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> contacts.stream().allMatch(w::inSync));

            // HubSpot's events for the burst: the orders' and line items' creations and property changes, and the
            // echoes of our pushes of the 250 contacts.
            long events = w.hs.webhookLog().eventsDelivered() - deliveredBefore;
            assertThat(events).as("each order arrives as several events").isGreaterThan(2L * orders);
            Map<String, Long> reads = Map.of(ORDERS_READ, calls(w, ORDERS_READ, mark),
                    CONTACTS_OF_ORDERS, calls(w, CONTACTS_OF_ORDERS, mark),
                    ITEMS_OF_ORDERS, calls(w, ITEMS_OF_ORDERS, mark),
                    ITEMS_READ, calls(w, ITEMS_READ, mark), CONTACTS_READ, calls(w, CONTACTS_READ, mark));
            long perOrders = (orders + 99) / 100;
            assertThat(reads).as("reads by type").containsEntry(ORDERS_READ, perOrders)
                    .containsEntry(CONTACTS_OF_ORDERS, perOrders).containsEntry(ITEMS_OF_ORDERS, perOrders)
                    .containsEntry(ITEMS_READ, (items + 99L) / 100).containsEntry(CONTACTS_READ, 0L);
            assertThat(reads.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((events + 99) / 100));
            assertThat(w.proxy.mismatches()).isEmpty();
        }
    }

    private static long calls(HubSpotWorld w, String endpoint, long since) {
        return w.proxy.exchanges().stream().filter(e -> e.atMillis() >= since && e.endpoint().equals(endpoint))
                .count();
    }

    private static long pending(HubSpotWorld w) {
        return Db.longValue(w.url, "SELECT count(*) FROM webhook_inbox WHERE status = 'pending'");
    }
}
