package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.loyaltybridge.sandbox.salesforce.CamelSalesforce.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST resources a standard client (camel-salesforce here, jsforce likewise) relies on besides queries and
 * collections: describe, single-record reads and writes, count(), the versions list, child rows under queryAll and
 * past a child page; and an explicit refusal of anything the sandbox does not model.
 */
class RestResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describe_lists_order_fields_and_its_order_items_and_a_single_currency_org_has_no_currency_iso_code()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            JsonNode order = camel.raw("GET", "/sobjects/Order/describe", null);
            assertThat(order.path("name").asText()).isEqualTo("Order");
            assertThat(order.path("keyPrefix").asText()).isEqualTo("801");
            assertThat(names(order.path("fields"))).contains("Id", "BillToContactId", "TotalAmount",
                    "CurrencyIsoCode", "EffectiveDate", "Status", "SystemModstamp");
            assertThat(order.findValuesAsText("relationshipName")).contains("OrderItems");
            JsonNode global = camel.raw("GET", "/sobjects", null);
            assertThat(names(global.path("sobjects"))).contains("Contact", "Order", "OrderItem", "Organization");
            assertThat(camel.raw("GET", "/sobjects/Contact", null).path("objectDescribe").path("name").asText())
                    .isEqualTo("Contact");
            assertThat(status(() -> camel.raw("GET", "/sobjects/Nope__c/describe", null))).isEqualTo(404);
        }
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withSingleCurrency("GBP"));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(camel.raw("GET", "/sobjects/Order/describe", null).path("fields")))
                    .contains("TotalAmount").doesNotContain("CurrencyIsoCode");
            assertThat(camel.query("query", "SELECT DefaultCurrencyIsoCode FROM Organization")
                    .path("records").get(0).path("DefaultCurrencyIsoCode").asText()).isEqualTo("GBP");
            assertThatThrownBy(() -> camel.query("query", "SELECT Id, CurrencyIsoCode FROM Order"))
                    .hasStackTraceContaining("INVALID_FIELD");
        }
    }

    @Test
    void a_record_is_read_updated_and_deleted_one_at_a_time() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String id = sf.admin().createContact(Map.of("LastName", "Single", "Email", "single@example.com"));
            assertThat(camel.raw("GET", "/sobjects/Contact/" + id, null).path("LastName").asText())
                    .isEqualTo("Single");
            assertThat(camel.raw("PATCH", "/sobjects/Contact/" + id, "{\"Loyalty_Tier__c\": \"Gold\"}")).isNull();
            assertThat(sf.admin().field(id, "Loyalty_Tier__c")).isEqualTo("Gold");
            assertThatThrownBy(() -> camel.raw("PATCH", "/sobjects/Contact/" + id, "{\"Loyalty_Points__c\": \"x\"}"))
                    .hasStackTraceContaining("INVALID_TYPE_ON_FIELD_IN_RECORD");
            assertThat(camel.raw("DELETE", "/sobjects/Contact/" + id, null)).isNull();
            assertThat(status(() -> camel.raw("GET", "/sobjects/Contact/" + id, null))).isEqualTo(404);
            assertThatThrownBy(() -> camel.raw("PATCH", "/sobjects/Contact/" + id, "{\"LastName\": \"X\"}"))
                    .hasStackTraceContaining("ENTITY_IS_DELETED");
            assertThat(camel.query("queryAll", "SELECT Id, IsDeleted FROM Contact WHERE Id = '" + id + "'")
                    .path("records").get(0).path("IsDeleted").asBoolean()).isTrue();
        }
    }

    @Test
    void select_count_answers_the_number_of_matching_rows_and_no_records() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            sf.seed(30, 0, 3);
            JsonNode counted = camel.query("query", "SELECT count() FROM Contact");
            assertThat(counted.path("totalSize").asInt()).isEqualTo(30);
            assertThat(counted.path("done").asBoolean()).isTrue();
            assertThat(counted.path("records")).isEmpty();
        }
    }

    @Test
    void the_versions_list_runs_up_to_the_api_version_with_each_release_label() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            JsonNode versions = JSON.readTree(camel.template.requestBodyAndHeaders(
                    "salesforce:raw?rawMethod=GET&rawPath=/services/data", null, Map.of(), String.class));
            Map<String, String> labels = new java.util.HashMap<>();
            versions.forEach(v -> labels.put(v.path("version").asText(), v.path("label").asText()));
            assertThat(labels).containsEntry("62.0", "Winter '25").containsEntry("61.0", "Summer '24")
                    .containsEntry("60.0", "Spring '24").containsEntry("31.0", "Summer '14")
                    .doesNotContainKey("63.0");
            assertThat(versions.get(versions.size() - 1).path("url").asText()).isEqualTo("/services/data/v62.0");
        }
    }

    @Test
    void a_resource_or_soql_the_sandbox_does_not_model_is_refused_as_not_served_never_as_a_missing_record() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThatThrownBy(() -> camel.raw("GET", "/analytics/reports", null))
                    .hasStackTraceContaining("NOT_SERVED_BY_SANDBOX")
                    .hasStackTraceContaining("not served by this sandbox");
            assertThat(status(() -> camel.raw("GET", "/analytics/reports", null))).isEqualTo(501);
            for (String soql : List.of("SELECT LastName FROM Contact GROUP BY LastName",
                    "SELECT COUNT(Id) FROM Contact", "SELECT Id FROM Contact LIMIT 5 OFFSET 5")) {
                assertThatThrownBy(() -> camel.query("query", soql)).as(soql)
                        .hasStackTraceContaining("NOT_SERVED_BY_SANDBOX");
                assertThat(status(() -> camel.query("query", soql))).isEqualTo(501);
            }
        }
    }

    @Test
    void query_all_shows_deleted_child_rows_flagged_and_pages_children_past_the_child_page_size() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withChildPageSize(2));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String contact = sf.admin().createContact(Map.of("LastName", "Lines"));
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(new Line("SKU-APP-03", 1, 10.0));
            }
            String order = sf.admin().createOrder(contact, "Draft", LocalDate.of(2026, 1, 5), "EUR", lines);
            String firstLine = sf.admin().records("OrderItem").get(0).get("Id").toString();
            sf.admin().delete(firstLine);
            assertThat(sf.admin().field(order, "TotalAmount")).isEqualTo(40.0);
            String soql = "SELECT Id, (SELECT Id, IsDeleted FROM OrderItems) FROM Order";

            JsonNode live = camel.query("query", soql).path("records").get(0).path("OrderItems");
            assertThat(live.path("totalSize").asInt()).isEqualTo(4);
            assertThat(live.path("done").asBoolean()).isFalse();
            assertThat(live.path("records")).hasSize(2);
            List<JsonNode> all = new ArrayList<>();
            JsonNode children = camel.query("queryAll", soql).path("records").get(0).path("OrderItems");
            assertThat(children.path("totalSize").asInt()).isEqualTo(5);
            children.path("records").forEach(all::add);
            while (!children.path("done").asBoolean()) {
                assertThat(children.path("nextRecordsUrl").asText())
                        .matches("/services/data/v62\\.0/query/01g\\w+-\\d+");
                children = camel.query("queryMore", children.path("nextRecordsUrl").asText());
                children.path("records").forEach(all::add);
            }
            assertThat(all).hasSize(5);
            assertThat(all.stream().filter(r -> r.path("IsDeleted").asBoolean()).map(r -> r.path("Id").asText()))
                    .containsExactly(firstLine);
        }
    }




    private static int status(ThrowingCall call) {
        try {
            call.run();
            return 200;
        } catch (CamelExecutionException e) {
            return e.getCause() instanceof SalesforceException sf ? sf.getStatusCode() : -1;
        } catch (Exception e) {
            return -2;
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        Object run() throws Exception;
    }
}
