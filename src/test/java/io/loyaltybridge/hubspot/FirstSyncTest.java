package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A first sync of an account that never saw LoyaltyBridge: provisioning, every contact and order in, one push. */
class FirstSyncTest {
    private static final int CONTACTS = 250;

    @Test
    void a_first_sync_provisions_the_properties_takes_everything_in_and_pushes_every_profile_in_three_calls() {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs -> {
            for (int i = 0; i < CONTACTS; i++) {
                contacts.add(hs.admin().createContact("c" + i + "@example.com", "First" + i, "Last" + i));
            }
            hs.admin().createOrder(contacts.get(0), order("120.50", "delivered"));
            hs.admin().createOrder(contacts.get(0), order("30", "shipped"));
            hs.admin().createOrder(contacts.get(1), order("99.99", "cancelled"));
            hs.admin().createOrder(contacts.get(2), order("45", "open"));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.batchUpdates() >= 3
                    && contacts.stream().allMatch(w::inSync));
            // Our own writes come back through search; they must not cause another push.
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.batchUpdates() == 3);

            assertThat(w.points(w.memberOf(contacts.get(0)).orElseThrow())).isEqualTo(150);
            assertThat(w.points(w.memberOf(contacts.get(1)).orElseThrow())).isZero();
            assertThat(w.points(w.memberOf(contacts.get(2)).orElseThrow())).isZero();
            var first = w.hs.admin().contact(contacts.get(0)).orElseThrow();
            assertThat(first).containsEntry("loyalty_points", "150").containsEntry("loyalty_tier", "member")
                    .containsEntry("loyalty_member_id", Long.toString(w.memberOf(contacts.get(0)).orElseThrow().value()))
                    .containsKey("loyalty_updated_at");
            assertThat(w.hs.admin().count(ObjectType.CONTACTS)).isEqualTo(CONTACTS);
            var http = new io.loyaltybridge.support.Http(w.app.baseUrl(), io.loyaltybridge.support.TestApp.TOKEN);
            var side = http.get("/api/members/" + w.memberOf(contacts.get(0)).orElseThrow().value() + "/crm").json()
                    .at("/systems/hubspot");
            assertThat(side.get("agree").asBoolean()).as(side.toString()).isTrue();
            assertThat(side.at("/fields/loyalty_points").asText()).isEqualTo("150");

            assertThat(w.hs.calls().calls("POST /crm/v3/properties/contacts/groups")).isEqualTo(1);
            assertThat(w.hs.calls().calls("POST /crm/v3/properties/contacts/batch/create")).isEqualTo(1);
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_points").path("type").asText()).isEqualTo("number");
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_points_expiring_on").path("type").asText())
                    .isEqualTo("date");
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_updated_at").path("type").asText())
                    .isEqualTo("datetime");
            var tier = w.get("/crm/v3/properties/contacts/loyalty_tier");
            assertThat(tier.path("type").asText()).isEqualTo("enumeration");
            assertThat(tier.path("options").findValuesAsText("value")).containsExactly("member");
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_segment").path("options").findValuesAsText("value"))
                    .contains("champions", "at-risk", "lost");
            assertThat(w.get("/crm/v3/properties/contacts/loyalty_member_id").path("groupName").asText())
                    .isEqualTo("loyalty");
            w.assertLedgerAndSpecs();
        }
    }

    static Map<String, String> order(String total, String stage) {
        return Map.of("hs_total_price", total, "hs_currency_code", "EUR", "hs_pipeline_stage", stage);
    }
}
