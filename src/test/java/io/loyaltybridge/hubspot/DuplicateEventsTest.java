package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.hubspot.V3Signature;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same HubSpot change arriving more than once, late, out of order, or by three roads (the search poll, a
 * webhook and the API): the core settles each order once and ends in HubSpot's latest state. Webhooks are posted
 * by the test, signed as HubSpot signs them, so their order is the test's; search sees a change only 6 s after it
 * (HubSpot indexes changes with a delay), so a webhook posted at once comes before the poll.
 */
class DuplicateEventsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long DAYS_AGO = System.currentTimeMillis() - Duration.ofDays(3).toMillis();
    private final AtomicLong eventIds = new AtomicLong(700_000);

    @Test
    void an_order_from_the_poll_a_late_webhook_and_the_api_is_settled_once_and_one_before_its_contact_waits_for_it()
            throws Exception {
        long[] first = new long[2];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.indexingDelay(Duration.ofSeconds(6)), Map.of(), hs -> {
                    first[0] = hs.admin().createContact("poll@example.com", "Poll", "First");
                    first[1] = hs.admin().createOrder(first[0], FirstSyncTest.order("45", "delivered"));
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(first[0])
                    && w.points(w.memberOf(first[0]).orElseThrow()) == 45);
            long entries = w.ledgerEntries();

            // The poll took the order in; its webhooks now arrive three days late, twice, then the shop reports it.
            JsonNode created = event(w, "object.creation", first[1], DAYS_AGO);
            assertThat(post(w, events(created, event(w, "contact.creation", first[0], DAYS_AGO))).body())
                    .isEqualTo("{\"received\":2,\"fresh\":2}");
            assertThat(post(w, events(created)).body()).isEqualTo("{\"received\":1,\"fresh\":0}");
            String placedAt = Db.rows(w.url, "SELECT to_char(placed_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM orders").get(0);
            var api = new Http(w.app.baseUrl(), TestApp.TOKEN).post("/api/orders", """
                    {"source": "hubspot", "externalId": "%d", "member": {"crm": {"system": "hubspot",
                     "externalId": "%d"}}, "total": "45", "currency": "EUR", "placedAt": "%s",
                     "status": "completed", "lines": []}""".formatted(first[1], first[0], placedAt));
            assertThat(api.status()).as(api.text()).isEqualTo(200);
            assertThat(api.json().path("entries")).isEmpty();
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.ledgerEntries() == entries);

            // A new order's webhook comes before its contact's: the order waits, then follows the contact.
            long contact = w.hs.admin().createContact("late@example.com", "Late", "Contact");
            long order = w.hs.admin().createOrder(contact, FirstSyncTest.order("70", "delivered"));
            post(w, events(event(w, "object.creation", order, System.currentTimeMillis())));
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> Db.longValue(w.url,
                    "SELECT count(*) FROM dead_letters WHERE waiting_for IS NOT NULL AND record_id = '" + order + "'")
                    == 1);
            post(w, events(event(w, "contact.creation", contact, System.currentTimeMillis())));
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(contact).isPresent()
                    && w.points(w.memberOf(contact).get()) == 70 && w.inSync(contact));

            // Refunded in HubSpot; the change's event comes first, the old creation event after it, again.
            w.hs.admin().update(ObjectType.ORDERS, order, Map.of("hs_pipeline_stage", "refunded"));
            post(w, events(event(w, "object.propertyChange", order, System.currentTimeMillis())));
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.points(w.memberOf(contact).get()) == 0);
            post(w, events(event(w, "object.creation", order, DAYS_AGO)));
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.points(w.memberOf(contact).get()) == 0);
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(contact) && w.inSync(first[0]));

            // The late contact's order waited and was replayed. (The first order may have waited a moment too: the
            // first sync can read it before its contact, depending on timing.)
            assertThat(Db.rows(w.url, "SELECT DISTINCT status FROM dead_letters")).containsExactly("replayed");
            assertThat(Db.rows(w.url, "SELECT record_id FROM dead_letters")).contains(Long.toString(order));
            assertThat(Db.rows(w.url, "SELECT external_id, status FROM orders ORDER BY id")).containsExactly(
                    first[1] + " | completed", order + " | refunded");
            assertThat(Db.rows(w.url, "SELECT kind, points FROM ledger_entries ORDER BY id")).containsExactly(
                    "earn | 45", "earn | 70", "reverse | -70");
            w.assertLedgerAndSpecs();
        }
    }

    private JsonNode event(HubSpotWorld w, String type, long objectId, long occurredAt) {
        ObjectNode e = HubSpotClient.JSON.createObjectNode().put("eventId", eventIds.incrementAndGet())
                .put("subscriptionId", 77).put("portalId", 62515).put("appId", 4242).put("occurredAt", occurredAt)
                .put("subscriptionType", type).put("attemptNumber", 0).put("objectId", objectId)
                .put("changeSource", "CRM_UI").put("sourceId", "userId:1");
        if (type.startsWith("object.")) {
            e.put("objectTypeId", "0-123");
        }
        if (type.endsWith("propertyChange")) {
            e.put("propertyName", "hs_pipeline_stage").put("propertyValue", "refunded");
        }
        return e;
    }

    private static String events(JsonNode... events) {
        ArrayNode array = HubSpotClient.JSON.createArrayNode();
        for (JsonNode e : events) {
            array.add(e);
        }
        return array.toString();
    }

    /** Signed now, whatever the events' own times: HubSpot signs each delivery attempt when it makes it. */
    static HttpResponse<String> post(HubSpotWorld w, String body) throws Exception {
        long now = System.currentTimeMillis();
        String url = HubSpotWorld.webhookUrl(w.port);
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, Long.toString(now))
                .header(V3Signature.HEADER, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url, body, now))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return res;
    }
}
