package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeAndPrivacyTest extends SandboxFixture {

    @Test
    void afterAMergeTheMergedIdAndEmailLeadToThePrimaryWhichKeepsItsValuesAndGainsTheOrders() {
        long primary = hs.admin().createContact("ann@example.com", "Ann", null);
        long merged = hs.admin().create(ObjectType.CONTACTS,
                Map.of("email", "ann.old@example.com", "lastname", "Meyer", "firstname", "Annie"));
        long order = hs.admin().createOrder(merged, Map.of("hs_total_price", "30"));

        var res = http.post("/crm/v3/objects/contacts/merge",
                "{\"primaryObjectId\":\"" + primary + "\",\"objectIdToMerge\":\"" + merged + "\"}");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("id").asText()).isEqualTo("" + primary);

        var viaOldId = http.get("/crm/v3/objects/contacts/" + merged + "?properties=firstname,lastname");
        assertThat(viaOldId.json().get("id").asText()).isEqualTo("" + primary);
        assertThat(viaOldId.json().get("properties").get("firstname").asText()).isEqualTo("Ann");
        assertThat(viaOldId.json().get("properties").get("lastname").asText()).isEqualTo("Meyer");
        var viaOldEmail = http.get("/crm/v3/objects/contacts/ann.old@example.com?idProperty=email");
        assertThat(viaOldEmail.json().get("id").asText()).isEqualTo("" + primary);
        assertThat(hs.admin().associations(ObjectType.ORDERS, order, ObjectType.CONTACTS)).containsExactly(primary);
        assertThat(hs.admin().count(ObjectType.CONTACTS)).isEqualTo(1);
    }

    @Test
    void aPrivacyDeletionRemovesTheContactForGoodAndFreesItsEmail() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        hs.admin().createOrder(id, Map.of("hs_total_price", "30"));
        var res = http.post("/crm/v3/objects/contacts/gdpr-delete", "{\"objectId\":\"" + id + "\"}");
        assertThat(res.status()).isEqualTo(204);
        assertThat(http.get("/crm/v3/objects/contacts/" + id).status()).isEqualTo(404);
        assertThat(http.get("/crm/v3/objects/contacts/" + id + "?archived=true").status()).isEqualTo(404);
        assertThat(hs.admin().contact(id)).isEmpty();
        assertThat(http.post("/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"ann@example.com\"},\"associations\":[]}").status()).isEqualTo(201);
    }

    @Test
    void privacyDeletionByEmailWorksToo() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var res = http.post("/crm/v3/objects/contacts/gdpr-delete",
                "{\"objectId\":\"ann@example.com\",\"idProperty\":\"email\"}");
        assertThat(res.status()).isEqualTo(204);
        assertThat(hs.admin().contact(id)).isEmpty();
    }
}
