package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upsert by external id through camel-salesforce's upsertSObject, as Salesforce answers it since API 46.0. */
class UpsertTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTaskUpsertedTwiceOnItsEventIdIsCreatedOnceThenUpdatedAndAFieldThatIsNoExternalIdIsRefused() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String contact = sf.seed(1, 0, 5).get(0);
            String body = "{\"WhoId\": \"" + contact + "\", \"Subject\": \"You earned 10 points\", \"Status\":"
                    + " \"Completed\"}";
            JsonNode created = upsert(camel, "Loyalty_Event_Id__c", "42", body);
            assertThat(created.path("created").asBoolean()).isTrue();
            assertThat(created.path("success").asBoolean()).isTrue();
            JsonNode again = upsert(camel, "Loyalty_Event_Id__c", "42", body.replace("10 points", "11 points"));
            assertThat(again.path("created").asBoolean()).isFalse();
            assertThat(again.path("id").asText()).isEqualTo(created.path("id").asText());
            assertThat(sf.admin().records("Task")).singleElement().satisfies(task -> {
                assertThat(task.get("Loyalty_Event_Id__c")).isEqualTo("42");
                assertThat(task.get("Subject")).isEqualTo("You earned 11 points");
            });

            assertThatThrownBy(() -> upsert(camel, "Subject", "42", body)).isInstanceOf(CamelExecutionException.class)
                    .cause().isInstanceOf(SalesforceException.class).hasMessageContaining("external ID field");
            assertThat(sf.admin().records("Task")).hasSize(1);
        }
    }

    private static JsonNode upsert(CamelSalesforce camel, String field, String value, String body) throws Exception {
        String answer = camel.template.requestBodyAndHeaders("salesforce:upsertSObject?rawPayload=true", body,
                Map.of("sObjectName", "Task", "sObjectIdName", field, "sObjectIdValue", value), String.class);
        return JSON.readTree(answer);
    }
}
