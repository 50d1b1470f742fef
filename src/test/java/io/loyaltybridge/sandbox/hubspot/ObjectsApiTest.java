package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectsApiTest {
    private HubSpotSandbox hs;
    private HubSpotHttp http;

    @BeforeEach
    void start() {
        hs = HubSpotSandbox.start(SandboxOptions.defaults().token("pat-test"));
        http = new HubSpotHttp(hs.baseUrl(), "pat-test");
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void aContactCreatedOverTheApiCanBeReadBackWithItsProperties() {
        var created = http.post("/crm/v3/objects/contacts", """
                {"properties":{"email":"ann@example.com","firstname":"Ann","date_of_birth":"1990-04-02"},
                 "associations":[]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        var read = http.get("/crm/v3/objects/contacts/" + id + "?properties=email,date_of_birth,lastmodifieddate");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("properties").get("email").asText()).isEqualTo("ann@example.com");
        assertThat(read.json().get("properties").get("date_of_birth").asText()).isEqualTo("1990-04-02");
        assertThat(read.json().get("properties").get("lastmodifieddate").asText()).endsWith("Z");
    }

    @Test
    void aSecondContactWithTheSameEmailIsAConflict() {
        hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var again = http.post("/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"ANN@example.com\"},\"associations\":[]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("category").asText()).isEqualTo("CONFLICT");
        assertThat(again.json().get("message").asText()).contains("Existing ID");
    }

    @Test
    void patchUpdatesOnlyTheGivenPropertiesAndMovesTheModifiedDate() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var patched = http.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"lastname\":\"Smith\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(hs.admin().contact(id).orElseThrow())
                .containsEntry("lastname", "Smith").containsEntry("firstname", "Ann");
    }

    @Test
    void aContactCanBeReadByEmailAsIdProperty() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var read = http.get("/crm/v3/objects/contacts/ann@example.com?idProperty=email");
        assertThat(read.json().get("id").asText()).isEqualTo(String.valueOf(id));
    }

    @Test
    void anUnknownIdIsA404InHubSpotsErrorShape() {
        var missing = http.get("/crm/v3/objects/contacts/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("status").asText()).isEqualTo("error");
        assertThat(missing.json().get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(missing.json().get("correlationId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void archivedRecordsLeaveTheListingAndShowUpWithArchivedTrue() {
        long keep = hs.admin().createContact("a@example.com", "A", "A");
        long gone = hs.admin().createContact("b@example.com", "B", "B");
        assertThat(http.delete("/crm/v3/objects/contacts/" + gone).status()).isEqualTo(204);

        var live = http.get("/crm/v3/objects/contacts?limit=10");
        assertThat(live.json().get("results")).extracting(n -> n.get("id").asText()).containsExactly("" + keep);
        var archived = http.get("/crm/v3/objects/contacts?archived=true");
        assertThat(archived.json().get("results").get(0).get("archived").asBoolean()).isTrue();
    }

    @Test
    void listingPagesWithAfterUntilNoNextPageIsGiven() {
        for (int i = 0; i < 25; i++) {
            hs.admin().createContact("c" + i + "@example.com", "C", "" + i);
        }
        int seen = 0;
        String after = null;
        do {
            var page = http.get("/crm/v3/objects/contacts?limit=10" + (after == null ? "" : "&after=" + after));
            seen += page.json().get("results").size();
            var next = page.json().path("paging").path("next").path("after");
            after = next.isMissingNode() ? null : next.asText();
        } while (after != null);
        assertThat(seen).isEqualTo(25);
    }

    @Test
    void anOrderIsCreatedWithItsContactAssociationAndDealsAnswerUnderTheirTypeId() {
        long contact = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var order = http.post("/crm/v3/objects/orders", """
                {"properties":{"hs_order_name":"A-1","hs_total_price":"120.50","hs_currency_code":"EUR",
                 "hs_pipeline_stage":"processed"},
                 "associations":[{"to":{"id":"%d"},"types":[{"associationCategory":"HUBSPOT_DEFINED",
                 "associationTypeId":507}]}]}""".formatted(contact));
        assertThat(order.status()).isEqualTo(201);
        long orderId = order.json().get("id").asLong();
        assertThat(hs.admin().associations(ObjectType.ORDERS, orderId, ObjectType.CONTACTS)).containsExactly(contact);

        long deal = hs.admin().createDeal(contact, Map.of("amount", "99", "dealstage", "closedwon"));
        var read = http.get("/crm/v3/objects/deals/" + deal + "?properties=amount,dealstage");
        assertThat(read.json().get("properties").get("dealstage").asText()).isEqualTo("closedwon");
    }
}
