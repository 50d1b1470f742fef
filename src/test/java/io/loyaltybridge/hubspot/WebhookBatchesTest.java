package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook events are applied by the batch: a burst's touched records are read with batch reads (100 ids a call)
 * whatever pieces the burst arrived in, and an event that cannot be applied is set aside alone, not retried forever
 * with its whole batch. The search cycle and the inbox timer are kept quiet, so webhooks alone bring contacts in.
 */
class WebhookBatchesTest {
    private static final String CONTACTS_READ = "POST /crm/v3/objects/contacts/batch/read";
    private static final Map<String, String> WEBHOOKS_ONLY = Map.of("loyalty.hubspot.poll-interval-ms", "3600000",
            "loyalty.hubspot.webhook.drain-interval-ms", "600000", "loyalty.hubspot.webhook.linger-ms", "5000");

    @Test
    void a_burst_of_300_new_contacts_by_webhook_costs_at_most_three_batch_reads_and_each_becomes_a_member() {
        try (HubSpotWorld w = HubSpotWorld.start(true, o -> o, WEBHOOKS_ONLY, hs -> { })) {
            long before = w.hs.calls().calls(CONTACTS_READ);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(w.hs.admin().createContact("burst" + i + "@example.com", "Burst", "No" + i));
            }
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
                    w.memberOf(id).isPresent()));
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> pending(w) == 0);
            long events = Db.longValue(w.url, "SELECT count(*) FROM webhook_inbox");
            assertThat(events).isGreaterThanOrEqualTo(300);
            assertThat(w.hs.calls().calls(CONTACTS_READ) - before).isLessThanOrEqualTo((events + 99) / 100);
            assertThat(w.hs.webhookLog().attempts()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        }
    }

    @Test
    void an_event_hubspot_refuses_to_read_is_set_aside_as_a_dead_letter_and_the_rest_of_its_batch_applies()
            throws Exception {
        // The inbox timer on: a replayed dead letter comes back through the inbox, with no delivery to announce it.
        Map<String, String> settings = new java.util.HashMap<>(WEBHOOKS_ONLY);
        settings.put("loyalty.hubspot.webhook.drain-interval-ms", "1000");
        settings.put("loyalty.hubspot.webhook.linger-ms", "500");
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, settings, hs -> { })) {
            // The first sync cycle runs at start: let it end first, or a slow one reads the contacts made below by
            // search and takes the refused one in (a race seen under load).
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> Db.longValue(w.url, "SELECT count(*)"
                    + " FROM sync_sources WHERE system = 'hubspot' AND backfill_done") >= 2);
            long refused = w.hs.admin().createContact("refused@example.com", "Refused", "Once");
            long first = w.hs.admin().createContact("first@example.com", "First", "Fine");
            long second = w.hs.admin().createContact("second@example.com", "Second", "Fine");
            // The batch's read and then the refused contact's own read answer 400: the content, not an outage.
            w.hs.faults().failNextOn("/crm/v3/objects/contacts/batch/read", 2, 400, 0);
            long now = System.currentTimeMillis();
            ArrayNode body = HubSpotClient.JSON.createArrayNode();
            long eventId = 77_000;
            for (long id : new long[] {refused, first, second}) {
                body.addObject().put("eventId", eventId++).put("subscriptionId", 1234).put("portalId", 62515)
                        .put("appId", 4242).put("occurredAt", now).put("subscriptionType", "contact.creation")
                        .put("attemptNumber", 0).put("objectId", id).put("changeSource", "CRM_UI");
            }
            DuplicateEventsTest.post(w, body.toString());

            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(first).isPresent()
                    && w.memberOf(second).isPresent() && pending(w) == 0);
            assertThat(w.memberOf(refused)).isEmpty();
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM dead_letters WHERE status = 'open'"
                    + " AND record_type = 'webhook' AND record_id = 'contact:" + refused + "'")).isEqualTo(1);

            // Its replay puts the event back in the inbox, and now HubSpot answers.
            long letter = Db.longValue(w.url, "SELECT id FROM dead_letters WHERE record_type = 'webhook'");
            Http.Response replay = new Http(w.app.baseUrl(), TestApp.TOKEN)
                    .post("/api/sync/dead-letters/" + letter + "/replay", "");
            assertThat(replay.json().path("replayed").asBoolean()).as(replay.text()).isTrue();
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.memberOf(refused).isPresent());
        }
    }

    private static long pending(HubSpotWorld w) {
        return Db.longValue(w.url, "SELECT count(*) FROM webhook_inbox WHERE status = 'pending'");
    }
}
