package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.MutableClock;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static SalesforceSandbox sf;
    static CamelSalesforce camel;
    static List<String> seeded;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(CLOCK));
        seeded = sf.seed(4_500, 300, 7);
        camel = CamelSalesforce.clientCredentials(sf).start();
    }

    @AfterAll
    static void stop() {
        camel.close();
        sf.close();
    }

    JsonNode query(String operation, String soql) throws Exception {
        return JSON.readTree(camel.request("salesforce:" + operation + "?rawPayload=true", soql, String.class));
    }

    @Test
    void a_query_past_2000_records_pages_through_next_records_url() throws Exception {
        JsonNode page = query("query", "SELECT Id, Email FROM Contact");
        Set<String> ids = new HashSet<>();
        int pages = 1;
        page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        assertThat(page.get("records")).hasSize(2000);
        while (!page.get("done").asBoolean()) {
            assertThat(page.get("nextRecordsUrl").asText()).matches("/services/data/v62\\.0/query/01g\\w+-\\d+");
            page = query("queryMore", page.get("nextRecordsUrl").asText());
            page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        // other tests of this class add a few contacts; none may be lost or repeated across pages
        assertThat(ids).hasSize(page.get("totalSize").asInt()).containsAll(seeded);
        assertThat(sf.calls().count("queryMore")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void query_all_returns_deleted_rows_that_query_hides() throws Exception {
        String id = sf.admin().createContact(Map.of("LastName", "Gone", "Email", "gone@example.com"));
        sf.admin().delete(id);
        String soql = "SELECT Id, IsDeleted FROM Contact WHERE Email = 'GONE@example.com'";
        assertThat(query("query", soql).get("totalSize").asInt()).isZero();
        JsonNode all = query("queryAll", soql);
        assertThat(all.get("records").get(0).get("Id").asText()).isEqualTo(id);
        assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
    }

    @Test
    void relationship_fields_and_child_subqueries_come_back_nested() throws Exception {
        JsonNode r = query("query", "SELECT Id, OrderNumber, TotalAmount, BillToContact.Email, "
                + "(SELECT Quantity, UnitPrice, TotalPrice, Product2.Family, Product2.ProductCode FROM OrderItems) "
                + "FROM Order WHERE Status = 'Activated' ORDER BY TotalAmount DESC, Id LIMIT 5").get("records");
        assertThat(r).hasSize(5);
        JsonNode first = r.get(0);
        assertThat(first.get("attributes").get("type").asText()).isEqualTo("Order");
        assertThat(first.get("BillToContact").get("Email").asText()).contains("@");
        JsonNode items = first.get("OrderItems").get("records");
        double sum = 0;
        for (JsonNode item : items) {
            assertThat(item.get("Product2").get("ProductCode").asText()).startsWith("SKU-");
            sum += item.get("TotalPrice").asDouble();
        }
        assertThat(first.get("TotalAmount").asDouble()).isEqualTo(sum, org.assertj.core.data.Offset.offset(0.01));
        assertThat(first.get("TotalAmount").asDouble()).isGreaterThanOrEqualTo(r.get(4).get("TotalAmount").asDouble());
    }

    @Test
    void records_sharing_a_system_modstamp_can_be_read_with_a_tie_breaking_cursor() throws Exception {
        CLOCK.advance(java.time.Duration.ofMinutes(5));
        List<String> ids = List.of(sf.admin().createContact(Map.of("LastName", "Tie1")),
                sf.admin().createContact(Map.of("LastName", "Tie2")),
                sf.admin().createContact(Map.of("LastName", "Tie3")));
        String stamp = (String) sf.admin().field(ids.get(0), "SystemModstamp");
        assertThat(sf.admin().field(ids.get(2), "SystemModstamp")).isEqualTo(stamp);
        JsonNode after = query("query", "SELECT Id FROM Contact WHERE (SystemModstamp > " + stamp
                + " OR (SystemModstamp = " + stamp + " AND Id > '" + ids.get(0) + "')) ORDER BY SystemModstamp, Id");
        assertThat(after.get("records")).extracting(n -> n.get("Id").asText()).containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void quotes_and_keywords_inside_a_string_literal_are_data_not_syntax() throws Exception {
        String id = sf.admin().createContact(Map.of("LastName", "O'Brien OR Id != null", "Email", "ob@example.com"));
        JsonNode hit = query("query", "SELECT Id FROM Contact WHERE LastName = 'O\\'Brien OR Id != null'");
        assertThat(hit.get("records")).extracting(n -> n.get("Id").asText()).containsExactly(id);
        JsonNode miss = query("query", "SELECT Id FROM Contact WHERE LastName = 'x\\' OR Id != null OR Name = \\'x'");
        assertThat(miss.get("totalSize").asInt()).isZero();
    }

    @Test
    void a_malformed_query_answers_400_malformed_query() {
        assertThatThrownBy(() -> query("query", "SELECT Id FROMM Contact"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(SalesforceException.class)
                .satisfies(e -> {
                    SalesforceException se = (SalesforceException) e;
                    assertThat(se.getStatusCode()).isEqualTo(400);
                    assertThat(se.getErrors().get(0).getErrorCode()).isEqualTo("MALFORMED_QUERY");
                });
    }

    @Test
    void an_unknown_field_answers_400_invalid_field() {
        assertThatThrownBy(() -> query("query", "SELECT Id, Loyalty_Tier FROM Contact")).cause()
                .satisfies(e -> assertThat(((SalesforceException) e).getErrors().get(0).getErrorCode())
                        .isEqualTo("INVALID_FIELD"))
                .hasMessageContaining("No such column 'Loyalty_Tier' on entity 'Contact'");
    }

    @Test
    void a_datetime_field_compared_with_a_quoted_value_is_refused_like_salesforce_does() {
        assertThatThrownBy(() -> query("query", "SELECT Id FROM Contact WHERE SystemModstamp > '2026-01-01'"))
                .cause().hasMessageContaining("must be of type dateTime and should not be enclosed in quotes");
    }
}
