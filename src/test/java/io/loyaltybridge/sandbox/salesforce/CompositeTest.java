package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositeTest {
    static SalesforceSandbox sf;
    static CamelSalesforce camel;
    static List<String> ids;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults());
        ids = sf.seed(250, 0, 3);
        camel = CamelSalesforce.clientCredentials(sf).start();
    }

    @AfterAll
    static void stop() {
        camel.close();
        sf.close();
    }

    /**
     * allOrNone goes in a header: camel 4.18 ignores {@code ?allOrNone=true} on this operation's URI (it reads the
     * option from the header or the body only) and always sends false.
     */
    @SuppressWarnings("unchecked")
    List<SaveSObjectResult> update(List<LoyaltyContact> records, boolean allOrNone) {
        return camel.template.requestBodyAndHeader("salesforce:compositeUpdateSObjectCollections", records,
                "allOrNone", allOrNone, List.class);
    }

    @Test
    void one_call_updates_many_contacts_and_reports_per_record_errors() {
        String deleted = sf.admin().createContact(Map.of("LastName", "Deleted"));
        sf.admin().delete(deleted);
        long calls = sf.calls().count("composite.update");
        List<SaveSObjectResult> results = update(List.of(LoyaltyContact.of(ids.get(0), "Gold", 1200),
                LoyaltyContact.of(ids.get(1), "A tier name far longer than forty characters", 5),
                LoyaltyContact.of(ids.get(2), "Silver", "lots"),
                LoyaltyContact.of(deleted, "Gold", 1),
                LoyaltyContact.of("003000000000000AAA", "Gold", 1),
                LoyaltyContact.of("not-an-id", "Gold", 1)), false);
        assertThat(sf.calls().count("composite.update")).isEqualTo(calls + 1);
        assertThat(results).extracting(SaveSObjectResult::getSuccess).containsExactly(true, false, false, false,
                false, false);
        assertThat(results.get(0).getId()).isEqualTo(ids.get(0));
        assertThat(results.subList(1, 6)).extracting(r -> r.getErrors().get(0).getErrorCode())
                .containsExactly("STRING_TOO_LONG", "INVALID_TYPE_ON_FIELD_IN_RECORD", "ENTITY_IS_DELETED",
                        "INVALID_CROSS_REFERENCE_KEY", "MALFORMED_ID");
        assertThat(sf.admin().field(ids.get(0), "Loyalty_Tier__c")).isEqualTo("Gold");
        assertThat(sf.admin().field(ids.get(0), "Loyalty_Points__c")).isEqualTo(1200.0);
        assertThat(sf.admin().field(ids.get(2), "Loyalty_Tier__c")).isNull();
    }

    @Test
    void all_or_none_rolls_back_every_record_when_one_fails() {
        List<SaveSObjectResult> results = update(List.of(LoyaltyContact.of(ids.get(10), "Platinum", 9),
                LoyaltyContact.of(ids.get(11), "x".repeat(41), 9)), true);
        assertThat(results).extracting(r -> r.getErrors().get(0).getErrorCode())
                .containsExactly("ALL_OR_NONE_OPERATION_ROLLED_BACK", "STRING_TOO_LONG");
        assertThat(sf.admin().field(ids.get(10), "Loyalty_Tier__c")).isNull();
    }

    @Test
    void more_than_200_records_in_one_call_is_refused() {
        List<LoyaltyContact> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(LoyaltyContact.of(ids.get(30 + i), "Bronze", i)); // ids 0-29 belong to the other tests
        }
        assertThatThrownBy(() -> update(records, false)).cause().isInstanceOf(SalesforceException.class)
                .satisfies(e -> assertThat(((SalesforceException) e).getErrors().get(0).getErrorCode())
                        .isEqualTo("EXCEEDED_ID_LIMIT"));
        assertThat(update(records.subList(0, 200), false)).allMatch(SaveSObjectResult::getSuccess);
        assertThat(sf.admin().field(ids.get(229), "Loyalty_Points__c")).isEqualTo(199.0);
    }

    @Test
    void unknown_fields_fail_their_record_with_invalid_field() throws Exception {
        String body = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Contact\"},\"Id\":\""
                + ids.get(20) + "\",\"Loyalty_Tierz__c\":\"Gold\"},{\"attributes\":{\"type\":\"Contact\"},\"Id\":\""
                + ids.get(21) + "\",\"Loyalty_Updated_At__c\":\"2026-02-01T10:00:00.000+0000\","
                + "\"Loyalty_Points_Expiring_On__c\":\"2026-12-31\"}]}";
        String answer = camel.template.requestBodyAndHeaders("salesforce:raw?rawPath=/services/data/v62.0/composite"
                + "/sobjects&rawMethod=PATCH", body, Map.of("Content-Type", "application/json"), String.class);
        JsonNode results = new ObjectMapper().readTree(answer);
        assertThat(results.get(0).get("success").asBoolean()).isFalse();
        assertThat(results.get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(results.get(0).get("errors").get(0).get("fields").get(0).asText()).isEqualTo("Loyalty_Tierz__c");
        assertThat(results.get(1).get("success").asBoolean()).isTrue();
        assertThat(sf.admin().field(ids.get(21), "Loyalty_Updated_At__c")).isEqualTo("2026-02-01T10:00:00.000+0000");
        assertThat(sf.admin().field(ids.get(21), "Loyalty_Points_Expiring_On__c")).isEqualTo("2026-12-31");
    }
}
