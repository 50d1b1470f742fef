package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders' line items (category and SKU multipliers) and pipelines whose stages have internal ids. */
class LineItemsAndStagesTest {

    @Test
    void an_order_with_two_pairs_of_shoes_earns_exactly_as_the_same_order_sent_to_the_api() {
        long[] ids = new long[2];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o,
                Map.of("loyalty.hubspot.line-items.category-property", "product_category",
                        "loyalty.program.file", java.nio.file.Path.of("src/test/resources/programs/rich.yaml")
                                .toAbsolutePath().toString()), hs -> {
                    hs.admin().createProperty(ObjectType.LINE_ITEMS, "product_category", "string", "text");
                    ids[0] = hs.admin().createContact("shoes@example.com", "Shoe", "Buyer");
                    ids[1] = hs.admin().createContact("api@example.com", "Api", "Buyer");
                    long order = hs.admin().createOrder(ids[0], FirstSyncTest.order("170", "processed"));
                    hs.admin().createLineItem(ObjectType.ORDERS, order, Map.of("name", "Runner", "quantity", "2",
                            "price", "50", "hs_sku", "SHOE-1", "product_category", "shoes"));
                    hs.admin().createLineItem(ObjectType.ORDERS, order, Map.of("name", "Socks", "quantity", "1",
                            "price", "20", "hs_sku", "SOCK-1", "product_category", "misc"));
                    hs.admin().createLineItem(ObjectType.ORDERS, order, Map.of("name", "Gift card", "quantity", "1",
                            "price", "50", "hs_sku", "GIFT-CARD-50"));
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(ids[1]).isPresent()
                    && w.memberOf(ids[0]).map(w::points).orElse(0L) > 0);
            var answer = new Http(w.app.baseUrl(), TestApp.TOKEN).post("/api/orders", """
                    {"source": "shop", "externalId": "SAME-1", "member": {"crm": {"system": "hubspot",
                     "externalId": "%d"}}, "total": "170", "currency": "EUR", "placedAt": "%s", "status": "completed",
                     "lines": [{"sku": "SHOE-1", "category": "shoes", "quantity": 2, "unitPrice": "50"},
                               {"sku": "SOCK-1", "category": "misc", "quantity": 1, "unitPrice": "20"},
                               {"sku": "GIFT-CARD-50", "quantity": 1, "unitPrice": "50"}]}"""
                    .formatted(ids[1], java.time.Instant.now()));
            assertThat(answer.status()).isEqualTo(201);
            MemberId hubspot = w.memberOf(ids[0]).orElseThrow();
            MemberId api = w.memberOf(ids[1]).orElseThrow();
            HubSpotWorld.eventually(Duration.ofSeconds(5), () -> w.points(api) > 0);
            // Shoes double, socks once, the gift card nothing: more than the flat 170 would earn, and exactly the API's.
            assertThat(w.points(hubspot)).isEqualTo(w.points(api)).isNotEqualTo(170);
            // Two association reads (contacts, line items) and one line item read for the page of one order.
            assertThat(w.proxy.count("POST /crm/v4/associations/orders/line_items/batch/read", 200)).isPositive();
            assertThat(w.proxy.count("POST /crm/v3/objects/line_items/batch/read", 200)).isEqualTo(1);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void a_won_deal_with_shoe_lines_earns_its_category_multiplier_too() {
        long[] ids = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o,
                Map.of("loyalty.hubspot.order-object", "deals", "loyalty.hubspot.deals.earning-stages", "Closed Won",
                        "loyalty.hubspot.line-items.category-property", "product_category",
                        "loyalty.program.file", java.nio.file.Path.of("src/test/resources/programs/rich.yaml")
                                .toAbsolutePath().toString()), hs -> {
                    hs.admin().createProperty(ObjectType.LINE_ITEMS, "product_category", "string", "text");
                    ids[0] = hs.admin().createContact("deal@example.com", "Deal", "Buyer");
                    long deal = hs.admin().createDeal(ids[0], DealsTest.deal("100", "closedwon", null));
                    hs.admin().createLineItem(ObjectType.DEALS, deal, Map.of("quantity", "2", "price", "50",
                            "hs_sku", "SHOE-1", "product_category", "shoes"));
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(ids[0]).map(w::points).orElse(0L) > 0);
            long withLines = w.points(w.memberOf(ids[0]).orElseThrow());
            assertThat(w.proxy.count("POST /crm/v4/associations/deals/line_items/batch/read", 200)).isPositive();
            assertThat(w.proxy.count("GET /crm/v3/pipelines/deals", 200)).isEqualTo(1);
            // The same deal without lines would earn on its total of 100; shoes earn double.
            assertThat(withLines).isGreaterThan(100);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void stages_configured_by_label_or_by_internal_id_map_to_the_ids_records_hold() {
        long[] ids = new long[3];
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("1001", "Paid");
        stages.put("1002", "Returned");
        stages.put("1003", "Awaiting payment");
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o,
                Map.of("loyalty.hubspot.orders.earning-stages", "Paid,processed",
                        "loyalty.hubspot.orders.refunded-stages", "1002"), hs -> {
                    hs.admin().addPipeline(ObjectType.ORDERS, "7654321", "Web shop", stages);
                    ids[0] = hs.admin().createContact("paid@example.com", "Paid", "Stage");
                    ids[1] = hs.admin().createContact("returned@example.com", "Returned", "Stage");
                    ids[2] = hs.admin().createContact("waiting@example.com", "Waiting", "Stage");
                    hs.admin().createOrder(ids[0], FirstSyncTest.order("40", "1001"));
                    hs.admin().createOrder(ids[1], FirstSyncTest.order("30", "1002"));
                    hs.admin().createOrder(ids[2], FirstSyncTest.order("20", "1003"));
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(ids[0]) && w.inSync(ids[1])
                    && w.inSync(ids[2]) && w.memberOf(ids[0]).map(w::points).orElse(0L) == 40);
            assertThat(w.points(w.memberOf(ids[1]).orElseThrow())).isZero();
            assertThat(w.points(w.memberOf(ids[2]).orElseThrow())).isZero();
            assertThat(w.proxy.count("GET /crm/v3/pipelines/orders", 200)).isEqualTo(1);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void a_configured_stage_no_pipeline_has_stops_the_start_listing_the_pipelines_stages() {
        assertThatThrownBy(() -> HubSpotWorld.start(false, o -> o,
                Map.of("loyalty.hubspot.orders.earning-stages", "Paid,shipped",
                        "loyalty.hubspot.orders.refunded-stages", "refund-typo"), hs -> {
                    hs.admin().addPipeline(ObjectType.ORDERS, "7654321", "Web shop", Map.of("1001", "Paid"));
                }).close())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("loyalty.hubspot.orders.refunded-stages: ")
                .hasMessageContaining("loyalty.hubspot.orders.refunded-stages: no stage has the id or label "
                        + "'refund-typo'")
                .hasMessageContaining("'Paid' (id 1001, pipeline Web shop)")
                .hasMessageContaining("'Shipped' (id shipped, pipeline Orders pipeline)")
                .hasMessageNotContaining("earning-stages");
    }
}
