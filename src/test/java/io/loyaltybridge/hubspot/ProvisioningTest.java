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
            "loyalty_updated_at", "loyalty_points_to_keep_tier", "loyalty_projected_tier", "loyalty_tier_expires_on",
            "loyalty_downgrade_risk", "loyalty_next_best_offer", "loyalty_preferred_category", "loyalty_badges",
            "loyalty_cashback", "loyalty_pending_points", "loyalty_last_feedback_score", "loyalty_nps_category",
            "loyalty_last_feedback_on");

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
    void new_properties_get_their_types_and_the_program_options_and_changed_options_are_updated_keeping_old_ones_hidden() {
        long[] id = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.program.file", RICH), hs -> {
            post(hs, "/crm/v3/properties/contacts/groups", "{\"name\":\"loyalty\",\"label\":\"Loyalty\"}");
            // As an earlier program left them: a tier since dropped (platinum), an offer since reworded.
            post(hs, "/crm/v3/properties/contacts", enumeration("loyalty_tier", "bronze", "platinum"));
            post(hs, "/crm/v3/properties/contacts", enumeration("loyalty_next_best_offer", "Old shipping offer"));
            id[0] = hs.admin().createContact("opts@example.com", "Opt", "Ions");
            hs.admin().createOrder(id[0], FirstSyncTest.order("40", "delivered"));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(id[0]));
            assertThat(options(w, "loyalty_tier")).containsExactly("bronze", "silver", "gold", "vip", "platinum (hidden)");
            assertThat(options(w, "loyalty_projected_tier")).containsExactly("bronze", "silver", "gold", "vip");
            assertThat(options(w, "loyalty_downgrade_risk")).containsExactly("none", "low", "high");
            assertThat(options(w, "loyalty_next_best_offer")).containsExactly("Treat yourself to 10 EUR off",
                    "Come back and get 200 bonus points", "Your next shipping is on us", "Old shipping offer (hidden)");
            assertThat(w.proxy.count("PATCH /crm/v3/properties/contacts/loyalty_tier", 200)).isEqualTo(1);
            assertThat(w.proxy.count("PATCH /crm/v3/properties/contacts/loyalty_next_best_offer", 200)).isEqualTo(1);
            assertThat(w.proxy.exchanges()).filteredOn(e -> e.endpoint().startsWith("PATCH")).hasSize(2);
            Map<String, String> types = Map.of("loyalty_points_to_keep_tier", "number", "loyalty_tier_expires_on",
                    "date", "loyalty_preferred_category", "string", "loyalty_badges", "string", "loyalty_cashback",
                    "number", "loyalty_pending_points", "number");
            types.forEach((name, type) -> assertThat(w.get("/crm/v3/properties/contacts/" + name).path("type")
                    .asText()).as(name).isEqualTo(type));
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void the_connector_switched_on_without_a_token_stops_the_start_naming_the_missing_variable() {
        assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.hubspot.enabled", "true")))
                .isInstanceOf(StartupException.class).hasMessageContaining("HUBSPOT_ACCESS_TOKEN");
    }

    private static final String RICH = java.nio.file.Path.of("src/test/resources/programs/rich.yaml")
            .toAbsolutePath().toString();

    private static String enumeration(String name, String... values) {
        StringBuilder options = new StringBuilder();
        for (String value : values) {
            options.append(options.isEmpty() ? "" : ",").append("{\"label\":\"").append(value)
                    .append("\",\"value\":\"").append(value).append("\",\"hidden\":false}");
        }
        return "{\"name\":\"" + name + "\",\"label\":\"" + name + "\",\"groupName\":\"loyalty\","
                + "\"type\":\"enumeration\",\"fieldType\":\"select\",\"options\":[" + options + "]}";
    }

    /** The property's option values in order, hidden ones marked. */
    private static List<String> options(HubSpotWorld w, String name) {
        List<String> values = new java.util.ArrayList<>();
        w.get("/crm/v3/properties/contacts/" + name).path("options").forEach(o -> values.add(
                o.path("value").asText() + (o.path("hidden").asBoolean() ? " (hidden)" : "")));
        return values;
    }

    private static void provisionByHand(HubSpotSandbox hs) {
        post(hs, "/crm/v3/properties/contacts/groups", "{\"name\":\"loyalty\",\"label\":\"Loyalty\"}");
        StringBuilder inputs = new StringBuilder();
        for (String name : NAMES) {
            String type = name.equals("loyalty_updated_at") ? "\"type\":\"datetime\",\"fieldType\":\"date\""
                    : name.endsWith("_on") ? "\"type\":\"date\",\"fieldType\":\"date\""
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
