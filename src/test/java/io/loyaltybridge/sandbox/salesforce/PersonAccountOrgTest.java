package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.loyaltybridge.sandbox.salesforce.CamelSalesforce.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person-account org shape: describe shows IsPersonAccount only there, a person account's person contact is a
 * Contact with IsPersonAccount true that mirrors the account's Person… and __pc fields, a change leaves two change
 * events, writes to the person contact itself are refused, and deleting the account deletes both.
 */
class PersonAccountOrgTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_person_account_is_one_person_seen_as_an_account_and_as_its_read_only_person_contact() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withPersonAccounts(PersonAccountShape.MIXED));
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(camel.raw("GET", "/sobjects/Account/describe", null).path("fields")))
                    .contains("IsPersonAccount", "PersonContactId", "PersonEmail", "Loyalty_Points__pc");
            int before = sf.retainedEvents();
            JsonNode created = camel.raw("POST", "/sobjects/Account", JSON.writeValueAsString(Map.of(
                    "RecordTypeId", Schemas.PERSON_ACCOUNT_RECORD_TYPE, "FirstName", "Ada", "LastName", "Lovelace",
                    "PersonEmail", "ada@example.com")));
            String account = created.path("id").asText();
            assertThat(sf.retainedEvents()).isEqualTo(before + 2);
            JsonNode person = camel.query("SELECT Id, Email, AccountId, IsPersonAccount FROM Contact"
                    + " WHERE IsPersonAccount = true").path("records").get(0);
            String contact = person.path("Id").asText();
            assertThat(person.path("Email").asText()).isEqualTo("ada@example.com");
            assertThat(person.path("AccountId").asText()).isEqualTo(account);
            assertThat(sf.admin().field(account, "PersonContactId")).isEqualTo(contact);
            assertThat(sf.admin().field(account, "Name")).isEqualTo("Ada Lovelace");

            JsonNode results = camel.raw("PATCH", "/composite/sobjects", JSON.writeValueAsString(Map.of(
                    "allOrNone", false, "records", List.of(
                            Map.of("attributes", Map.of("type", "Account"), "Id", account, "Loyalty_Points__pc", 42),
                            Map.of("attributes", Map.of("type", "Contact"), "Id", contact, "Loyalty_Points__c", 7)))));
            assertThat(results.get(0).path("success").asBoolean()).isTrue();
            assertThat(results.get(1).path("errors").get(0).path("statusCode").asText())
                    .isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
            assertThat(((Number) sf.admin().field(contact, "Loyalty_Points__c")).longValue()).isEqualTo(42);
            assertThat(sf.admin().field(account, "SystemModstamp"))
                    .isEqualTo(sf.admin().field(contact, "SystemModstamp"));
            assertThat(sf.retainedEvents()).isEqualTo(before + 4);

            String business = sf.admin().createContact(Map.of("LastName", "Babbage", "AccountId",
                    sf.admin().defaultAccountId()));
            assertThat(sf.admin().field(business, "IsPersonAccount")).isEqualTo(false);

            sf.admin().delete(account);
            assertThat(sf.admin().field(contact, "IsDeleted")).isEqualTo(true);
            assertThat(sf.retainedEvents()).isEqualTo(before + 7);
        }
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            assertThat(names(camel.raw("GET", "/sobjects/Account/describe", null).path("fields")))
                    .doesNotContain("IsPersonAccount");
        }
    }

    @Test
    void a_mixed_org_seeds_business_contacts_and_person_accounts_whose_orders_name_the_person_account() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withPersonAccounts(PersonAccountShape.MIXED))) {
            List<String> ids = sf.seed(20, 60, 7);
            long persons = ids.stream().filter(id -> Boolean.TRUE.equals(sf.admin().field(id, "IsPersonAccount")))
                    .count();
            assertThat(persons).isEqualTo(10);
            assertThat(sf.admin().records("Order").stream().filter(o -> o.get("BillToContactId") == null))
                    .isNotEmpty().allSatisfy(o -> assertThat(sf.admin().field((String) o.get("AccountId"),
                            "IsPersonAccount")).isEqualTo(true));
        }
    }
}
