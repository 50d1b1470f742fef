package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook events are stored before HubSpot is answered and applied from the inbox: what cannot be applied now
 * (HubSpot failing) is kept and applied later, a privacy deletion goes through meanwhile, and events without an
 * id are each kept (keyed by their content) while a retry of one is still dropped.
 */
class DurableWebhooksTest {
    private static final Map<String, String> FAST_RETRIES = Map.of("loyalty.hubspot.webhook.retry-base-ms", "200",
            "loyalty.hubspot.webhook.drain-interval-ms", "200");

    @Test
    void events_hubspot_cannot_be_asked_about_wait_in_the_inbox_and_apply_later_and_a_privacy_deletion_goes_first()
            throws Exception {
        long[] c = new long[2];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, FAST_RETRIES, hs -> {
            c[0] = hs.admin().createContact("leaving@example.com", "Leaving", "Soon");
            c[1] = hs.admin().createContact("private@example.com", "Private", "Person");
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(c[0]) && w.inSync(c[1]));
            long fresh = w.hs.admin().createContact("new@example.com", "New", "Comer");
            w.hs.admin().archive(ObjectType.CONTACTS, c[0]);
            long now = System.currentTimeMillis();
            // HubSpot answers every call with 503 from now on: reading the new contact again fails.
            w.hs.faults().failNext(1_000_000, 503);
            String body = "[" + event(9_001, "contact.creation", fresh, now) + ","
                    + event(9_002, "contact.deletion", c[0], now) + ","
                    + event(9_003, "contact.privacyDeletion", c[1], now) + "]";
            assertThat(DuplicateEventsTest.post(w, body).body()).isEqualTo("{\"received\":3,\"fresh\":3}");

            // The erasure needs no call to HubSpot: it is applied while HubSpot fails.
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(c[1]).isEmpty());
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> Db.longValue(w.url, "SELECT count(*) FROM"
                    + " webhook_inbox WHERE status = 'pending' AND attempts >= 2 AND last_error IS NOT NULL") == 2);
            assertThat(deleted(w, c[0])).as("kept, not dropped, while HubSpot fails").isFalse();
            JsonNode inbox = new Http(w.app.baseUrl(), TestApp.TOKEN).get("/api/sync/status").json()
                    .path("systems").path("hubspot").path("webhookInbox");
            assertThat(inbox.path("pending").asLong()).isEqualTo(2);
            assertThat(inbox.path("retrying").asLong()).isEqualTo(2);
            assertThat(inbox.path("oldestReceivedAt").isTextual()).isTrue();

            w.hs.faults().clear();
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> deleted(w, c[0]) && w.memberOf(fresh).isPresent());
            HubSpotWorld.eventually(Duration.ofSeconds(10), () -> Db.longValue(w.url,
                    "SELECT count(*) FROM webhook_inbox WHERE status = 'pending'") == 0);
            // Applied events keep their key (to drop repeats), not their content.
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM webhook_inbox WHERE event IS NOT NULL")).isZero();
            assertThat(DuplicateEventsTest.post(w, body).body()).isEqualTo("{\"received\":3,\"fresh\":0}");
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM audit_log WHERE action = 'member.erased'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void an_older_deletion_arriving_while_the_earlier_restore_of_its_contact_waits_for_hubspot_waits_behind_it()
            throws Exception {
        long[] c = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, FAST_RETRIES, hs -> {
            c[0] = hs.admin().createContact("back.again@example.com", "Back", "Again");
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(c[0]));
            long deletedAt = System.currentTimeMillis();
            w.hs.admin().archive(ObjectType.CONTACTS, c[0]);
            Thread.sleep(5);
            w.hs.admin().restore(ObjectType.CONTACTS, c[0]);
            long restoredAt = System.currentTimeMillis();
            w.hs.faults().failNext(1_000_000, 503);

            // The restore arrives first and cannot be applied (reading the contact fails); the deletion comes after.
            DuplicateEventsTest.post(w, "[" + event(9_101, "contact.restore", c[0], restoredAt) + "]");
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> Db.longValue(w.url, "SELECT count(*) FROM"
                    + " webhook_inbox WHERE last_error IS NOT NULL") == 1);
            DuplicateEventsTest.post(w, "[" + event(9_102, "contact.deletion", c[0], deletedAt) + "]");
            HubSpotWorld.throughout(Duration.ofMillis(1500), () -> !deleted(w, c[0]));

            w.hs.faults().clear();
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> Db.longValue(w.url,
                    "SELECT count(*) FROM webhook_inbox WHERE status = 'pending'") == 0);
            assertThat(deleted(w, c[0])).isFalse();
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(c[0]));
        }
    }

    @Test
    void events_without_an_event_id_are_each_kept_and_a_retry_of_one_is_dropped() throws Exception {
        long[] c = new long[2];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, FAST_RETRIES, hs -> {
            c[0] = hs.admin().createContact("first@example.com", "First", "Gone");
            c[1] = hs.admin().createContact("second@example.com", "Second", "Gone");
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(c[0]) && w.inSync(c[1]));
            w.hs.admin().archive(ObjectType.CONTACTS, c[0]);
            w.hs.admin().archive(ObjectType.CONTACTS, c[1]);
            long now = System.currentTimeMillis();
            ObjectNode first = withoutId(event(1, "contact.deletion", c[0], now));
            ObjectNode second = withoutId(event(2, "contact.deletion", c[1], now));
            assertThat(DuplicateEventsTest.post(w, "[" + first + "]").body())
                    .isEqualTo("{\"received\":1,\"fresh\":1}");
            assertThat(DuplicateEventsTest.post(w, "[" + second + "]").body())
                    .isEqualTo("{\"received\":1,\"fresh\":1}");
            // HubSpot's retry of the first: the attempt number counts up, the fields may come in another order.
            ObjectNode retry = HubSpotClient.JSON.createObjectNode().put("attemptNumber", 1);
            first.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("attemptNumber")) {
                    retry.set(f.getKey(), f.getValue());
                }
            });
            assertThat(DuplicateEventsTest.post(w, "[" + retry + "]").body())
                    .isEqualTo("{\"received\":1,\"fresh\":0}");
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> deleted(w, c[0]) && deleted(w, c[1]));
            assertThat(Db.rows(w.url, "SELECT left(event_key, 8) FROM webhook_inbox"))
                    .containsExactly("content:", "content:");
        }
    }

    private static ObjectNode event(long eventId, String type, long objectId, long occurredAt) {
        return HubSpotClient.JSON.createObjectNode().put("eventId", eventId).put("subscriptionId", 1234)
                .put("portalId", 62515).put("appId", 4242).put("occurredAt", occurredAt).put("subscriptionType", type)
                .put("attemptNumber", 0).put("objectId", objectId).put("changeSource", "CRM_UI")
                .put("sourceId", "userId:1");
    }

    private static ObjectNode withoutId(ObjectNode event) {
        event.remove("eventId");
        return event;
    }

    private static boolean deleted(HubSpotWorld w, long contactId) {
        return Db.longValue(w.url, "SELECT count(*) FROM member_identities WHERE system = 'hubspot' AND deleted"
                + " AND external_id = '" + contactId + "'") == 1;
    }
}
