package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications into HubSpot through the real camel-http client, every exchange checked against HubSpot's specs:
 * a note on the contact per event and the loyalty_last_event properties workflows trigger on.
 */
class HubSpotNotificationsTest {
    private static final Map<String, String> NOTIFY = Map.of("loyalty.notify.hubspot.enabled", "true",
            "loyalty.notify.poll-interval-ms", "150", "loyalty.notify.retry-base-ms", "100");

    @Test
    void eachEventBecomesOneNoteOnTheContactEvenWhenSentAgainAndSetsTheLastEventPropertiesWhileHubSpotFailsSomeCallsAndAnOptOutThereWithdrawsConsent() {
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, NOTIFY, hs -> { })) {
            long contact = w.hs.admin().createContact("note@example.com", "Nora", "Note");
            w.hs.admin().createOrder(contact, FirstSyncTest.order("64", "delivered"));
            // The note is in HubSpot a moment before its delivery is marked: wait for both, or the reset below races
            // the mark and the delivery never comes due again.
            HubSpotWorld.eventually(Duration.ofSeconds(45), () -> notes(w, contact).size() == 1
                    && Db.longValue(w.url, "SELECT count(*) FROM notification_deliveries WHERE channel = 'hubspot'"
                    + " AND status = 'delivered'") == 1);
            Map<String, String> shown = w.hs.admin().contact(contact).orElseThrow();
            assertThat(shown.get("loyalty_last_event")).isEqualTo("points_earned");
            assertThat(shown.get("loyalty_last_event_at")).isNotBlank();
            String body = w.hs.admin().properties(ObjectType.NOTES, notes(w, contact).get(0)).orElseThrow()
                    .get("hs_note_body");
            assertThat(body).contains("You earned 64 points", "Hello Nora", "balance is 64 points");

            // As a kill -9 after HubSpot took the note and before it was marked delivered leaves it: due again. The
            // second attempt finds the note by its event marker (spec-valid reads, checked by the proxy) and adds none.
            assertThat(Db.rows(w.url, "UPDATE notification_deliveries SET status = 'pending', delivered_at = NULL,"
                    + " next_attempt_at = created_at WHERE channel = 'hubspot' RETURNING id")).hasSize(1);
            HubSpotWorld.eventually(Duration.ofSeconds(45), () -> Db.longValue(w.url, "SELECT count(*) FROM"
                    + " notification_deliveries WHERE status = 'delivered' AND attempts = 2") == 1);
            assertThat(notes(w, contact)).hasSize(1);

            // HubSpot fails the next calls (sync or notifier): whatever failed is retried, and the note lands once.
            w.hs.faults().failNext(3, 502);
            w.hs.admin().createOrder(contact, FirstSyncTest.order("10", "delivered"));
            HubSpotWorld.eventually(Duration.ofSeconds(45), () -> notes(w, contact).size() == 2);
            HubSpotWorld.throughout(Duration.ofMillis(700), () -> notes(w, contact).size() == 2);
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM notification_deliveries WHERE channel = 'hubspot'"
                    + " AND status = 'delivered'")).isEqualTo(2);

            // Consent given through the API, then withdrawn in HubSpot: the opt-out wins, each with its source.
            long member = w.memberOf(contact).orElseThrow().value();
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);
            assertThat(http.send(http.builder("/api/members/" + member + "/consent")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"marketing\": true}")).build()).status())
                    .isEqualTo(200);
            w.hs.admin().update(ObjectType.CONTACTS, contact, Map.of("hs_email_optout", "true"));
            HubSpotWorld.eventually(Duration.ofSeconds(45), () -> Db.longValue(w.url,
                    "SELECT count(*) FROM members WHERE NOT marketing_consent AND id = " + member) == 1);
            assertThat(http.get("/api/members/" + member + "/consent").json().get("history").findValuesAsText(
                    "source")).containsExactly("hubspot", "api", "hubspot");
            w.assertLedgerAndSpecs();
        }
    }

    private static List<Long> notes(HubSpotWorld w, long contact) {
        return w.hs.admin().associations(ObjectType.CONTACTS, contact, ObjectType.NOTES);
    }
}
