package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot records with missing or absurd fields, as HubSpot really lets them be stored (it refuses non-numbers in
 * number properties and unknown pipeline stages itself): a bad order ends as a dead letter naming what is wrong,
 * a contact missing optional details is taken in as what it is, and the good order beside them earns its points.
 */
class BadRecordsTest {
    @Test
    void absurd_orders_are_dead_lettered_alone_and_odd_contacts_are_taken_in_without_disturbing_the_rest() {
        Map<String, Long> ids = new HashMap<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs -> {
            long good = hs.admin().createContact("good@example.com", "Good", "Buyer");
            ids.put("good", good);
            hs.admin().createOrder(good, FirstSyncTest.order("40", "delivered"));
            ids.put("negative", hs.admin().createOrder(good, FirstSyncTest.order("-50", "delivered")));
            ids.put("huge", hs.admin().createOrder(good, FirstSyncTest.order("1e30", "delivered")));
            ids.put("currency", hs.admin().createOrder(good, Map.of("hs_total_price", "10", "hs_currency_code", "XYZ",
                    "hs_pipeline_stage", "delivered")));
            ids.put("no-total", hs.admin().createOrder(good, Map.of("hs_currency_code", "EUR",
                    "hs_pipeline_stage", "delivered")));
            ids.put("no-email", hs.admin().create(ObjectType.CONTACTS, Map.of("firstname", "No", "lastname", "Email")));
            ids.put("long-name", hs.admin().createContact("long@example.com", "x".repeat(100_000), "Long"));
            ids.put("born-9999", hs.admin().create(ObjectType.CONTACTS,
                    Map.of("email", "late@example.com", "date_of_birth", "9999-12-31")));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> Db.count(w.url, "dead_letters") == 4
                    && ids.entrySet().stream().filter(e -> !e.getKey().matches("negative|huge|currency|no-total"))
                    .allMatch(e -> w.inSync(e.getValue())));

            assertThat(Db.rows(w.url, "SELECT record_id, error_code, error FROM dead_letters ORDER BY record_id"))
                    .containsExactly(
                            ids.get("negative") + " | invalid_record | total: must not be negative",
                            ids.get("huge") + " | invalid_record | total: must not exceed 1000000000",
                            ids.get("currency") + " | invalid_record | currency: must be a known ISO 4217 code, was XYZ",
                            ids.get("no-total") + " | invalid_record | total: is required");
            assertThat(w.points(w.memberOf(ids.get("good")).orElseThrow())).isEqualTo(40);
            assertThat(Db.rows(w.url, "SELECT total, status FROM orders")).containsExactly("40.0000 | completed");
            assertThat(Db.rows(w.url, "SELECT email, length(first_name), last_name, birth_date FROM members"
                    + " ORDER BY id")).as("a name is cut to what fits; a birth date in the future is not one")
                    .containsExactly("good@example.com | 4 | Buyer | null", "null | 2 | Email | null",
                            "long@example.com | 100 | Long | null", "late@example.com | null | null | null");
            w.assertLedgerAndSpecs();
        }
    }
}
