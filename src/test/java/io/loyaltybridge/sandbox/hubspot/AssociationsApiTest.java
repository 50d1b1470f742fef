package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssociationsApiTest extends SandboxFixture {

    @Test
    void batchReadGivesEachOrdersContactWithItsAssociationTypes() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long ben = hs.admin().createContact("ben@example.com", "Ben", "Meyer");
        long o1 = hs.admin().createOrder(ann, Map.of("hs_total_price", "10"));
        long o2 = hs.admin().createOrder(ben, Map.of("hs_total_price", "20"));
        var res = http.post("/crm/v4/associations/orders/contacts/batch/read", "{\"inputs\":" + ids(o1, o2) + "}");
        assertThat(res.status()).isEqualTo(200);
        JsonNode first = res.json().get("results").get(0);
        assertThat(first.get("from").get("id").asText()).isEqualTo("" + o1);
        assertThat(first.get("to").get(0).get("toObjectId").asText()).isEqualTo("" + ann);
        JsonNode type = first.get("to").get(0).get("associationTypes").get(0);
        assertThat(type.get("category").asText()).isEqualTo("HUBSPOT_DEFINED");
        assertThat(type.get("typeId").asInt()).isEqualTo(507);
    }

    @Test
    void recordsWithoutAssociationsComeBackAsErrorsIn207() {
        long lonely = hs.admin().create(ObjectType.DEALS, Map.of("amount", "5"));
        var res = http.post("/crm/v4/associations/deals/contacts/batch/read", "{\"inputs\":" + ids(lonely) + "}");
        assertThat(res.status()).isEqualTo(207);
        assertThat(res.json().get("errors").get(0).get("context").get("fromObjectId").get(0).asText())
                .isEqualTo("" + lonely);
    }

    @Test
    void aContactsOrdersAreListedAndPagedBy500() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        for (int i = 0; i < 501; i++) {
            hs.admin().createOrder(ann, Map.of("hs_total_price", "" + i));
        }
        var first = http.get("/crm/v4/objects/contacts/" + ann + "/associations/orders");
        assertThat(first.json().get("results")).hasSize(500);
        assertThat(first.json().get("results").get(0).get("associationTypes").get(0).get("typeId").asInt())
                .isEqualTo(508);
        String after = first.json().get("paging").get("next").get("after").asText();
        var second = http.get("/crm/v4/objects/contacts/" + ann + "/associations/orders?after=" + after);
        assertThat(second.json().get("results")).hasSize(1);
        assertThat(second.json().has("paging")).isFalse();
    }

    @Test
    void dealsListTheirContactWithTypeId3() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long deal = hs.admin().createDeal(ann, Map.of("amount", "99", "dealstage", "closedwon"));
        var res = http.get("/crm/v4/objects/deals/" + deal + "/associations/contacts");
        assertThat(res.json().get("results").get(0).get("associationTypes").get(0).get("typeId").asInt())
                .isEqualTo(3);
    }
}
