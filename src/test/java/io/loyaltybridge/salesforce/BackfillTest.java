package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new org is read once with Bulk API 2.0 query jobs, contacts then orders with their items, page by page. */
class BackfillTest {
    @Test
    void a_new_orgs_contacts_and_orders_are_backfilled_with_bulk_jobs_and_every_member_pushed_once() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             Harness h = new Harness(sf)) {
            List<String> contacts = sf.seed(230, 400, 23);
            Map<String, Long> expected = expectedPoints(sf, contacts);
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "3600",
                    "loyalty.salesforce.backfill.page-size", "100", "loyalty.salesforce.batch-size", "60"));
            // a generous wait for the backfill itself: on a machine shared by many builds it takes far longer
            Harness.await("the backfill is done", () -> h.source("Order").map(s -> s.backfillDone()).orElse(false),
                    java.time.Duration.ofMinutes(3));
            h.awaitConverged(expected);
            assertThat(h.source("Contact").orElseThrow().backfillDone()).isTrue();
            assertThat(h.source("Order").orElseThrow().backfillDone()).isTrue();
            assertThat(sf.calls().count("bulk.create")).isEqualTo(3); // contacts, orders, order items
            assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(230));
            assertThat(h.source("Contact").orElseThrow().watermark()).isNotNull();
        }
    }

    /**
     * What the flat program gives: one point per whole euro of each activated EUR order (USD orders earn nothing in
     * a EUR program), read back from the org itself.
     */
    static Map<String, Long> expectedPoints(SalesforceSandbox sf, List<String> contacts) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        contacts.forEach(id -> expected.put(id, 0L));
        for (JsonNode order : OrgQuery.all(sf, "SELECT BillToContactId, TotalAmount FROM Order"
                + " WHERE Status = 'Activated' AND CurrencyIsoCode = 'EUR'")) {
            expected.merge(order.get("BillToContactId").asText(), (long) Math.floor(order.get("TotalAmount").asDouble()),
                    Long::sum);
        }
        return expected;
    }
}
