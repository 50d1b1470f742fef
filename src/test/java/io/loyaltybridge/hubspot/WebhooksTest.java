package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.hubspot.V3Signature;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The webhook endpoint as HubSpot calls it: signed deliveries from the sandbox, and crafted ones (wrong
 * signature, stale timestamp, duplicates, events out of order) signed like HubSpot signs them.
 */
class WebhooksTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong EVENT_IDS = new AtomicLong(900_000);
    private static HubSpotWorld w;

    @BeforeAll
    static void start() {
        w = HubSpotWorld.start(true, o -> o, Map.of(), hs -> { });
    }

    @AfterAll
    static void stop() {
        w.close();
    }

    @Test
    void deliveries_signed_by_hubspot_are_answered_200_and_the_contact_and_its_order_reach_the_core() {
        long id = w.hs.admin().createContact("hook@example.com", "Hook", "Test");
        w.hs.admin().createOrder(id, FirstSyncTest.order("64", "delivered"));
        HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.memberOf(id).isPresent()
                && w.points(w.memberOf(id).get()) == 64 && w.inSync(id));
        assertThat(w.hs.webhookLog().attempts()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        w.assertLedgerAndSpecs();
    }

    @Test
    void a_wrong_signature_or_a_timestamp_over_five_minutes_old_or_ahead_is_refused_with_401_and_changes_nothing()
            throws Exception {
        long id = w.hs.admin().createContact("target@example.com", "Tar", "Get");
        HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.memberOf(id).isPresent());
        String body = events(event("contact.deletion", id, System.currentTimeMillis())).toString();
        long now = System.currentTimeMillis();

        assertThat(post(body, V3Signature.sign("not-the-secret", "POST", url(), body, now), now).statusCode())
                .isEqualTo(401);
        long stale = now - Duration.ofMinutes(6).toMillis();
        assertThat(post(body, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url(), body, stale), stale)
                .statusCode()).isEqualTo(401);
        // Dated ahead: it would stay replayable until that time came (and then five minutes more).
        long ahead = now + Duration.ofMinutes(6).toMillis();
        assertThat(post(body, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url(), body, ahead), ahead)
                .statusCode()).isEqualTo(401);
        long slightlyAhead = now + Duration.ofMinutes(2).toMillis();
        String harmless = events().toString();
        assertThat(post(harmless, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url(), harmless, slightlyAhead),
                slightlyAhead).statusCode()).as("within the skew").isEqualTo(200);
        assertThat(post(body, null, now).statusCode()).isEqualTo(401);
        assertThat(deleted(id)).isFalse();
    }

    @Test
    void a_duplicate_event_is_taken_once_and_a_deletion_arriving_after_the_later_restore_is_ignored()
            throws Exception {
        long id = w.hs.admin().createContact("flip@example.com", "Flip", "Flop");
        HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(id));
        long deletedAt = nextMillisecond();
        w.hs.admin().archive(ObjectType.CONTACTS, id);
        nextMillisecond();
        w.hs.admin().restore(ObjectType.CONTACTS, id);
        long restoredAt = nextMillisecond();

        // The restore arrives first, the deletion after it, then the deletion again.
        JsonNode restore = event("contact.restore", id, restoredAt);
        JsonNode deletion = event("contact.deletion", id, deletedAt);
        assertThat(signedPost(events(restore).toString()).body()).isEqualTo("{\"received\":1,\"fresh\":1}");
        assertThat(signedPost(events(deletion).toString()).body()).isEqualTo("{\"received\":1,\"fresh\":1}");
        HttpResponse<String> again = signedPost(events(deletion, restore).toString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"received\":2,\"fresh\":0}");

        HubSpotWorld.throughout(Duration.ofMillis(600), () -> !deleted(id));
        assertThat(w.inSync(id)).isTrue();
    }

    @Test
    void a_deletion_stops_the_push_to_that_contact_and_a_batch_out_of_order_ends_in_the_latest_state()
            throws Exception {
        long gone = w.hs.admin().createContact("gone@example.com", "Gone", "Soon");
        long back = w.hs.admin().createContact("back@example.com", "Back", "Again");
        HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(gone) && w.inSync(back));
        long t1 = nextMillisecond();
        w.hs.admin().archive(ObjectType.CONTACTS, gone);
        w.hs.admin().archive(ObjectType.CONTACTS, back);
        nextMillisecond();
        w.hs.admin().restore(ObjectType.CONTACTS, back);
        long t2 = nextMillisecond();
        // One batch, newest first: the restore of 'back' must win over its older deletion.
        signedPost(events(event("contact.restore", back, t2), event("contact.deletion", gone, t1),
                event("contact.deletion", back, t1)).toString());
        HubSpotWorld.eventually(Duration.ofSeconds(10), () -> deleted(gone));
        HubSpotWorld.throughout(Duration.ofMillis(600), () -> !deleted(back));
        assertThat(w.inSync(back)).isTrue();
        w.assertLedgerAndSpecs();
    }

    /**
     * Waits for the clock to tick: a deletion and a restore in one millisecond cannot be ordered by anyone,
     * HubSpot's own timestamps included.
     */
    private static long nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
        return System.currentTimeMillis();
    }

    private static boolean deleted(long contactId) {
        return Db.longValue(w.url, "SELECT count(*) FROM member_identities WHERE system = 'hubspot' AND deleted"
                + " AND external_id = '" + contactId + "'") == 1;
    }

    private static JsonNode event(String type, long objectId, long occurredAt) {
        return HubSpotClient.JSON.createObjectNode().put("eventId", EVENT_IDS.incrementAndGet())
                .put("subscriptionId", 1234).put("portalId", 62515).put("appId", 4242).put("occurredAt", occurredAt)
                .put("subscriptionType", type).put("attemptNumber", 0).put("objectId", objectId)
                .put("changeSource", "CRM_UI").put("sourceId", "userId:1");
    }

    private static ArrayNode events(JsonNode... events) {
        ArrayNode array = HubSpotClient.JSON.createArrayNode();
        for (JsonNode e : events) {
            array.add(e);
        }
        return array;
    }

    private static String url() {
        return HubSpotWorld.webhookUrl(w.port);
    }

    private static HttpResponse<String> signedPost(String body) throws Exception {
        long now = System.currentTimeMillis();
        return post(body, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url(), body, now), now);
    }

    private static HttpResponse<String> post(String body, String signature, long timestamp) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url())).header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header(V3Signature.HEADER, signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
