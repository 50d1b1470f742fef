package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchApiTest extends SandboxFixture {

    @Test
    void batchUpdateOfValidInputsAnswers200WithEveryRecord() {
        long a = hs.admin().createContact("a@example.com", "A", "A");
        long b = hs.admin().createContact("b@example.com", "B", "B");
        hs.admin().createProperty(ObjectType.CONTACTS, "loyalty_points", "number", "number");
        var res = http.post("/crm/v3/objects/contacts/batch/update", """
                {"inputs":[{"id":"%d","properties":{"loyalty_points":"120"}},
                           {"id":"%d","properties":{"loyalty_points":"7.50"}}]}""".formatted(a, b));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("status").asText()).isEqualTo("COMPLETE");
        assertThat(res.json().get("results")).hasSize(2);
        assertThat(hs.admin().contact(b).orElseThrow()).containsEntry("loyalty_points", "7.5");
        assertThat(hs.calls().calls("POST /crm/v3/objects/contacts/batch/update")).isEqualTo(1);
    }

    @Test
    void batchUpdateWithAnUnknownIdABadValueAndAnUnknownPropertyAnswers207AndAppliesTheRest() {
        long a = hs.admin().createContact("a@example.com", "A", "A");
        long b = hs.admin().createContact("b@example.com", "B", "B");
        long c = hs.admin().createContact("c@example.com", "C", "C");
        hs.admin().createProperty(ObjectType.CONTACTS, "loyalty_points", "number", "number");
        var res = http.post("/crm/v3/objects/contacts/batch/update", """
                {"inputs":[{"id":"%d","properties":{"loyalty_points":"10"}},
                           {"id":"12345","properties":{"loyalty_points":"10"}},
                           {"id":"%d","properties":{"loyalty_points":"lots"}},
                           {"id":"%d","properties":{"loyalty_tierz":"gold"}}]}""".formatted(a, b, c));
        assertThat(res.status()).isEqualTo(207);
        JsonNode body = res.json();
        assertThat(body.get("numErrors").asInt()).isEqualTo(3);
        assertThat(body.get("results")).hasSize(1);
        String errors = body.get("errors").toString();
        assertThat(errors).contains("OBJECT_NOT_FOUND", "12345", "INVALID_DECIMAL", "PROPERTY_DOESNT_EXIST");
        assertThat(hs.admin().contact(a).orElseThrow()).containsEntry("loyalty_points", "10");
        assertThat(hs.admin().contact(b).orElseThrow()).doesNotContainKey("loyalty_points");
    }

    @Test
    void theSameIdTwiceInOneBatchUpdateIsRefusedWhole() {
        long a = hs.admin().createContact("a@example.com", "A", "A");
        var res = http.post("/crm/v3/objects/contacts/batch/update", """
                {"inputs":[{"id":"%d","properties":{"firstname":"X"}},{"id":"%d","properties":{"firstname":"Y"}}]}"""
                .formatted(a, a));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("message").asText()).contains("Duplicate IDs");
        assertThat(hs.admin().contact(a).orElseThrow()).containsEntry("firstname", "A");
    }

    @Test
    void moreThanOneHundredInputsAreRefusedWhole() {
        String inputs = IntStream.range(0, 101).mapToObj(i -> "{\"id\":\"" + (10_000_001 + i) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        var res = http.post("/crm/v3/objects/contacts/batch/read",
                "{\"inputs\":" + inputs + ",\"properties\":[],\"propertiesWithHistory\":[]}");
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(res.json().get("message").asText()).contains("100");
    }

    @Test
    void batchReadAnswers207NamingTheIdsItCouldNotFind() {
        long a = hs.admin().createContact("a@example.com", "A", "A");
        var res = http.post("/crm/v3/objects/contacts/batch/read",
                "{\"inputs\":" + ids(a, 42) + ",\"properties\":[\"email\"],\"propertiesWithHistory\":[]}");
        assertThat(res.status()).isEqualTo(207);
        assertThat(res.json().get("results").get(0).get("properties").get("email").asText()).isEqualTo("a@example.com");
        assertThat(res.json().get("errors").get(0).get("context").get("ids").get(0).asText()).isEqualTo("42");
    }

    @Test
    void upsertByEmailCreatesTheMissingContactAndUpdatesTheKnownOne() {
        long known = hs.admin().createContact("known@example.com", "K", "K");
        var res = http.post("/crm/v3/objects/contacts/batch/upsert", """
                {"inputs":[{"id":"known@example.com","idProperty":"email","properties":{"firstname":"Kim"}},
                           {"id":"new@example.com","idProperty":"email","properties":{"firstname":"Nia"}}]}""");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("results")).extracting(n -> n.get("new").asBoolean()).containsExactly(false, true);
        assertThat(hs.admin().contact(known).orElseThrow()).containsEntry("firstname", "Kim");
        assertThat(hs.admin().count(ObjectType.CONTACTS)).isEqualTo(2);
    }

    @Test
    void batchCreateAndBatchArchiveWorkOnOrders() {
        var created = http.post("/crm/v3/objects/orders/batch/create", """
                {"inputs":[{"properties":{"hs_order_name":"A","hs_total_price":"10"},"associations":[]},
                           {"properties":{"hs_order_name":"B","hs_pipeline_stage":"nonsense"},"associations":[]}]}""");
        assertThat(created.status()).isEqualTo(207);
        assertThat(created.json().get("errors").toString()).contains("INVALID_OPTION");
        String id = created.json().get("results").get(0).get("id").asText();

        var archived = http.post("/crm/v3/objects/orders/batch/archive", "{\"inputs\":[{\"id\":\"" + id + "\"}]}");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(hs.admin().count(ObjectType.ORDERS)).isZero();
    }
}
