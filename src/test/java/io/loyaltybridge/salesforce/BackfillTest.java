package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
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
     * Bulk answers without ORDER BY in no order (the sandbox shuffles), and with pages of 25 rows an order's items sit
     * on other result pages than the order itself: the join in PostgreSQL still gives every order the totals and
     * lines a poll, which reads each order with its items in one record, stores for it.
     */
    @Test
    void orders_whose_items_are_on_other_result_pages_are_stored_exactly_as_the_poll_reads_them() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults())) {
            List<String> contacts = sf.seed(40, 300, 31);
            Map<String, Long> expected = expectedPoints(sf, contacts);
            List<String> backfilled;
            try (Harness h = new Harness(sf)) {
                h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                        "3600", "loyalty.salesforce.backfill.page-size", "25", "loyalty.salesforce.batch-size", "20"));
                Harness.await("the backfill is done", () -> h.source("Order").map(s -> s.backfillDone()).orElse(false),
                        java.time.Duration.ofMinutes(3));
                h.awaitConverged(expected);
                backfilled = Db.rows(h.databaseUrl, STORED_ORDERS);
                assertThat(Db.count(h.databaseUrl, "backfill_order_lines")).as("staging left behind").isZero();
                assertThat(Db.count(h.databaseUrl, "backfill_runs")).isZero();
            }
            assertThat(sf.calls().count("bulk.create")).isEqualTo(3);
            assertThat(backfilled).hasSize(300).anyMatch(row -> row.contains("SKU-"));
            try (Harness h = new Harness(sf)) {
                h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled",
                        "false", "loyalty.salesforce.poll.period-seconds", "1"));
                Harness.await("the poll read every order", () -> Db.count(h.databaseUrl, "orders") == 300,
                        java.time.Duration.ofMinutes(3));
                h.awaitConverged(expected);
                assertThat(Db.rows(h.databaseUrl, STORED_ORDERS)).containsExactlyElementsOf(backfilled);
            }
        }
    }

    @Test
    void a_backfill_failing_on_an_order_page_leaves_no_staged_rows_and_the_next_round_completes_it() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            List<String> contacts = sf.seed(30, 300, 41);
            Map<String, Long> expected = expectedPoints(sf, contacts);
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                    "3600", "loyalty.salesforce.backfill.page-size", "20", "loyalty.salesforce.batch-size", "20"));
            Harness.await("orders are being settled", () -> Db.count(h.databaseUrl, "orders") > 0,
                    java.time.Duration.ofMinutes(3));
            sf.faults().failNext(1, 500); // the reader's next result page

            Harness.await("the backfill is done", () -> h.source("Order").map(s -> s.backfillDone()).orElse(false),
                    java.time.Duration.ofMinutes(3));
            h.awaitConverged(expected);
            assertThat(sf.faults().takeFailure()).as("the failure was spent").isZero();
            assertThat(sf.calls().count("bulk.create")).as("contacts once, orders and items twice").isEqualTo(5);
            assertThat(Db.count(h.databaseUrl, "backfill_order_lines")).isZero();
            assertThat(Db.count(h.databaseUrl, "backfill_runs")).isZero();
        }
    }

    /**
     * The order items are not staged after the contacts but beside them: their Bulk job (and the orders') is
     * created before the contacts' job, and staged on a thread of its own while the contacts settle.
     */
    @Test
    void the_order_and_item_jobs_start_before_the_first_contact_is_taken_in() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            List<String> contacts = sf.seed(200, 400, 53);
            Map<String, Long> expected = expectedPoints(sf, contacts);
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                    "3600", "loyalty.salesforce.backfill.page-size", "20", "loyalty.salesforce.batch-size", "20"));
            Harness.await("a first contact is taken in", () -> Db.count(h.databaseUrl, "members") > 0,
                    java.time.Duration.ofMinutes(3));
            long jobsAtFirstContact = sf.calls().count("bulk.create");

            Harness.await("the backfill is done", () -> h.source("Order").map(s -> s.backfillDone()).orElse(false),
                    java.time.Duration.ofMinutes(3));
            h.awaitConverged(expected);
            assertThat(jobsAtFirstContact).as("items, orders and contacts jobs").isEqualTo(3);
            assertThat(sf.calls().count("bulk.create")).isEqualTo(3);
            assertThat(Db.count(h.databaseUrl, "backfill_order_lines")).isZero();
            assertThat(Db.count(h.databaseUrl, "backfill_runs")).isZero();
        }
    }

    /**
     * Every order as stored, with its buyer's contact and its lines in order: what both ways in must agree on. A
     * price is compared as a number: REST JSON writes 12.0 where Bulk CSV writes 12.
     */
    private static final String STORED_ORDERS = "SELECT o.external_id, i.external_id, o.total, o.currency, o.placed_at,"
            + " o.status, o.refunded_amount, (SELECT string_agg(concat_ws(' ', l ->> 'sku', l ->> 'category',"
            + " l ->> 'quantity', trim_scale((l ->> 'unitPrice')::numeric)), ', ' ORDER BY n)"
            + " FROM jsonb_array_elements(o.lines) WITH ORDINALITY AS e (l, n)) FROM orders o"
            + " JOIN member_identities i ON i.member_id = o.member_id AND i.system = 'salesforce'"
            + " ORDER BY o.external_id";

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
