package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertiesApiTest extends SandboxFixture {

    @Test
    void aGroupAndTheLoyaltyPropertiesInItCanBeCreatedAndThenWritten() {
        var group = http.post("/crm/v3/properties/contacts/groups",
                "{\"name\":\"loyalty\",\"label\":\"Loyalty\",\"displayOrder\":1}");
        assertThat(group.status()).isEqualTo(201);
        var batch = http.post("/crm/v3/properties/contacts/batch/create", """
                {"inputs":[
                 {"name":"loyalty_points","label":"Points","type":"number","fieldType":"number","groupName":"loyalty"},
                 {"name":"loyalty_tier","label":"Tier","type":"enumeration","fieldType":"select","groupName":"loyalty",
                  "options":[{"label":"Gold","value":"gold","hidden":false},{"label":"Silver","value":"silver",
                  "hidden":false}]},
                 {"name":"loyalty_joined","label":"Joined","type":"date","fieldType":"date","groupName":"loyalty"}]}""");
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json().get("results")).hasSize(3);

        var one = http.get("/crm/v3/properties/contacts/loyalty_tier");
        assertThat(one.json().get("options")).hasSize(2);
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        var bad = http.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"loyalty_tier\":\"platinum\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("INVALID_OPTION");
        assertThat(http.patch("/crm/v3/objects/contacts/" + id,
                "{\"properties\":{\"loyalty_tier\":\"gold\",\"loyalty_joined\":\"2026-03-01\"}}").status())
                .isEqualTo(200);
        assertThat(hs.admin().contact(id).orElseThrow()).containsEntry("loyalty_tier", "gold");
    }

    @Test
    void aPatchReplacesAnEnumerationsOptionsSoANewValueCanBeWrittenAndAHubSpotDefinedPropertyStaysReadOnly() {
        http.post("/crm/v3/properties/contacts/groups", "{\"name\":\"loyalty\",\"label\":\"Loyalty\"}");
        http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_tier","label":"Tier","type":"enumeration","fieldType":"select","groupName":"loyalty",
                 "options":[{"label":"Gold","value":"gold","hidden":false}]}""");
        long id = hs.admin().createContact("pat@example.com", "Pat", "Options");
        assertThat(http.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"loyalty_tier\":\"platinum\"}}")
                .status()).isEqualTo(400);

        var patched = http.patch("/crm/v3/properties/contacts/loyalty_tier", """
                {"options":[{"label":"Platinum","value":"platinum","hidden":false,"displayOrder":0},
                 {"label":"Gold","value":"gold","hidden":true,"displayOrder":1}]}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("label").asText()).isEqualTo("Tier");
        assertThat(patched.json().get("options")).hasSize(2);
        assertThat(patched.json().at("/options/1/hidden").asBoolean()).isTrue();
        assertThat(http.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"loyalty_tier\":\"platinum\"}}")
                .status()).isEqualTo(200);
        assertThat(http.patch("/crm/v3/properties/contacts/loyalty_tier", "{\"options\":[]}").status())
                .isEqualTo(400);
        assertThat(http.patch("/crm/v3/properties/contacts/email", "{\"label\":\"Mail\"}").status()).isEqualTo(400);
        assertThat(http.patch("/crm/v3/properties/contacts/nope", "{\"label\":\"Nope\"}").status()).isEqualTo(404);
    }

    @Test
    void typeAndFieldTypeMustFitAndEnumerationsNeedOptions() {
        var mismatch = http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_points","label":"Points","type":"number","fieldType":"text",
                 "groupName":"contactinformation"}""");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("message").asText()).contains("number", "text");
        var noOptions = http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_tier","label":"Tier","type":"enumeration","fieldType":"radio",
                 "groupName":"contactinformation"}""");
        assertThat(noOptions.status()).isEqualTo(400);
        var unknownGroup = http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_x","label":"X","type":"string","fieldType":"text","groupName":"nope"}""");
        assertThat(unknownGroup.status()).isEqualTo(400);
        var ok = http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_since","label":"Since","type":"datetime","fieldType":"date",
                 "groupName":"contactinformation"}""");
        assertThat(ok.status()).isEqualTo(201);
        var twice = http.post("/crm/v3/properties/contacts", """
                {"name":"loyalty_since","label":"Since","type":"datetime","fieldType":"date",
                 "groupName":"contactinformation"}""");
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void batchCreateAnswers207WhenSomeDefinitionsAreWrong() {
        var res = http.post("/crm/v3/properties/contacts/batch/create", """
                {"inputs":[
                 {"name":"loyalty_ok","label":"OK","type":"bool","fieldType":"booleancheckbox",
                  "groupName":"contactinformation"},
                 {"name":"loyalty_bad","label":"Bad","type":"bool","fieldType":"number",
                  "groupName":"contactinformation"}]}""");
        assertThat(res.status()).isEqualTo(207);
        assertThat(res.json().get("numErrors").asInt()).isEqualTo(1);
        assertThat(http.get("/crm/v3/properties/contacts/loyalty_ok").status()).isEqualTo(200);
        assertThat(http.get("/crm/v3/properties/contacts/loyalty_bad").status()).isEqualTo(404);
    }

    @Test
    void theListingsShowStandardPropertiesAndGroups() {
        var all = http.get("/crm/v3/properties/orders");
        assertThat(all.json().get("results").toString()).contains("hs_total_price", "hs_pipeline_stage");
        var groups = http.get("/crm/v3/properties/deals/groups");
        assertThat(groups.json().get("results").get(0).get("name").asText()).isEqualTo("dealinformation");
    }
}
