package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/members/{id}/crm} reads the Contact live and says whether Salesforce agrees with the core. */
class SideBySideTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));
    SalesforceSandbox sf;
    Harness h;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        h.close();
        sf.close();
    }

    @Test
    void the_contact_shows_what_the_core_shows_and_a_hand_edit_in_salesforce_is_reported_as_disagreement() {
        String contact = sf.admin().createContact(Map.of("LastName", "Side", "Email", "side@example.com"));
        sf.admin().createOrder(contact, "Activated", LocalDate.of(2026, 5, 1), "EUR",
                List.of(new Line("SKU-SHOE-01", 1, 80.0)));
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "1"));
        h.awaitConverged(Map.of(contact, 80L));
        Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
        long member = http.get("/api/members?email=side@example.com").json().get("id").asLong();

        JsonNode side = http.get("/api/members/" + member + "/crm").json().at("/systems/salesforce");
        assertThat(side.get("recordId").asText()).isEqualTo(contact);
        assertThat(side.get("agree").asBoolean()).isTrue();
        assertThat(side.at("/fields/Loyalty_Points__c").asText()).isEqualTo("80");
        assertThat(side.at("/core/Loyalty_Points__c").asText()).isEqualTo("80");

        JsonNode poll = null;
        for (JsonNode stream : http.get("/api/sync/status").json().at("/systems/salesforce/streams")) {
            poll = stream.get("object").asText().equals("poll") ? stream : poll;
        }
        assertThat(poll).as("the poll stream counts its read calls").isNotNull();
        assertThat(poll.get("apiCalls").asLong()).isPositive();

        sf.admin().update(contact, Map.of("Loyalty_Points__c", 5));
        JsonNode edited = http.get("/api/members/" + member + "/crm").json().at("/systems/salesforce");
        assertThat(edited.at("/fields/Loyalty_Points__c").asText()).isEqualTo("5");
        assertThat(edited.get("agree").asBoolean()).isFalse();
    }
}
