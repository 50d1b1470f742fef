package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Property provisioning on an account that already has the loyalty group and properties, and misconfiguration. */
class ProvisioningTest {
    private static final List<String> NAMES = List.of("loyalty_member_id", "loyalty_tier", "loyalty_points",
            "loyalty_segment", "loyalty_next_tier", "loyalty_points_to_next_tier", "loyalty_points_expiring",
            "loyalty_points_expiring_on", "loyalty_cltv", "loyalty_churn_risk", "loyalty_referral_code",
            "loyalty_updated_at");

    @Test
    void an_account_already_provisioned_is_left_as_it_is_even_where_a_type_differs_and_the_sync_still_works() {
        long[] id = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs -> {
            provisionByHand(hs);
            id[0] = hs.admin().createContact("set@example.com", "Already", "There");
            hs.admin().createOrder(id[0], FirstSyncTest.order("12", "delivered"));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(id[0]) && w.batchUpdates() == 1);
            assertThat(w.proxy.count("GET /crm/v3/properties/contacts/groups/loyalty", 200)).isEqualTo(1);
            assertThat(w.proxy.count("POST /crm/v3/properties/contacts/groups", 201)).isZero();
            assertThat(w.proxy.exchanges()).noneMatch(e -> e.endpoint().endsWith("/properties/contacts/batch/create"));
            // An admin chose text for the points: we do not change their choice.
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_points").path("type").asText()).isEqualTo("string");
            assertThat(w.hs.admin().contact(id[0]).orElseThrow()).containsEntry("loyalty_points", "12");
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void the_connector_switched_on_without_a_token_stops_the_start_naming_the_missing_variable() {
        assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.hubspot.enabled", "true")))
                .isInstanceOf(StartupException.class).hasMessageContaining("HUBSPOT_ACCESS_TOKEN");
    }

    private static void provisionByHand(HubSpotSandbox hs) {
        post(hs, "/crm/v3/properties/contacts/groups", "{\"name\":\"loyalty\",\"label\":\"Loyalty\"}");
        StringBuilder inputs = new StringBuilder();
        for (String name : NAMES) {
            String type = name.equals("loyalty_updated_at") ? "\"type\":\"datetime\",\"fieldType\":\"date\""
                    : name.equals("loyalty_points_expiring_on") ? "\"type\":\"date\",\"fieldType\":\"date\""
                    : "\"type\":\"string\",\"fieldType\":\"text\"";
            inputs.append(inputs.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\",\"label\":\"")
                    .append(name).append("\",\"groupName\":\"loyalty\",").append(type).append("}");
        }
        post(hs, "/crm/v3/properties/contacts/batch/create", "{\"inputs\":[" + inputs + "]}");
    }

    private static void post(HubSpotSandbox hs, String path, String body) {
        try {
            var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hs.baseUrl() + path))
                    .header("Authorization", "Bearer " + HubSpotWorld.TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
