package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec check itself must bite, or every other test's "valid against the spec" means nothing. */
class SpecCheckTest {

    @Test
    void aResponseMissingRequiredFieldsIsReportedAgainstTheSpec() {
        var req = HubSpotSpecs.request("GET", "/crm/v3/objects/contacts/1", Map.of(), null, Map.of());
        var res = HubSpotSpecs.response(200, "application/json", "{\"id\":\"1\",\"properties\":{}}");
        assertThat(HubSpotSpecs.checkResponse(req, res).hasErrors()).isTrue();
    }

    @Test
    void aSearchRequestWithoutTheRequiredFieldsIsReportedAgainstTheSpec() {
        var req = HubSpotSpecs.request("POST", "/crm/v3/objects/contacts/search", Map.of(),
                "{\"filterGroups\":[]}", Map.of("Content-Type", "application/json"));
        assertThat(HubSpotSpecs.checkRequest(req).getMessages().toString()).contains("after", "limit", "sorts");
    }

    @Test
    void anErrorBodyWithoutCategoryIsReportedButHubSpotsStatusFieldIsAccepted() {
        var req = HubSpotSpecs.request("GET", "/crm/v3/objects/orders/1", Map.of(), null, Map.of());
        var withStatus = HubSpotSpecs.response(404, "application/json", "{\"status\":\"error\",\"message\":\"x\","
                + "\"correlationId\":\"8f064928-7bf6-4115-8c4b-1959d089c59d\",\"category\":\"OBJECT_NOT_FOUND\"}");
        assertThat(HubSpotSpecs.checkResponse(req, withStatus).hasErrors()).isFalse();
        var noCategory = HubSpotSpecs.response(404, "application/json", "{\"status\":\"error\",\"message\":\"x\","
                + "\"correlationId\":\"8f064928-7bf6-4115-8c4b-1959d089c59d\"}");
        assertThat(HubSpotSpecs.checkResponse(req, noCategory).hasErrors()).isTrue();
    }
}
