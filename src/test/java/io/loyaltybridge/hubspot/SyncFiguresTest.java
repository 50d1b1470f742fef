package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of /api/sync/status (what the status page shows) after a known HubSpot sync: a seeded sandbox with a
 * known number of contacts and orders, every figure asserted exactly against what was seeded and what the sandbox
 * itself counted, each as the README's "Sync figures" defines it.
 */
class SyncFiguresTest {
    private static final int CONTACTS = 130;
    private static final int ORDERS = 45;
    private static final String CONTACT_SEARCH = "POST /crm/v3/objects/contacts/search";

    @Test
    void a_known_first_sync_shows_exactly_what_was_read_and_written_and_keeps_showing_it_after_our_writes_come_back() {
        List<Long> contacts = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.hubspot.search.page-size", "50",
                "loyalty.hubspot.poll-interval-ms", "1000"), hs -> seed(hs, contacts))) {
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> w.batchUpdates() == 2
                    && contacts.stream().allMatch(w::inSync));
            // Our own 130 writes come back through search (the lookback re-reads them): they change nothing.
            long searches = w.hs.calls().calls(CONTACT_SEARCH);
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.hs.calls().calls(CONTACT_SEARCH) >= searches + 3);

            Figures f = consistentFigures(w, http);
            JsonNode crm = f.status.at("/systems/hubspot");
            JsonNode contactStream = stream(crm, "contacts");
            JsonNode orderStream = stream(crm, "orders");
            JsonNode push = stream(crm, "push");
            assertThat(contactStream.get("recordsIn").asLong()).as("each contact once").isEqualTo(CONTACTS);
            assertThat(orderStream.get("recordsIn").asLong()).as("each order once").isEqualTo(ORDERS);
            assertThat(push.get("recordsOut").asLong()).as("each contact written once").isEqualTo(CONTACTS);
            assertThat(push.get("apiCalls").asLong()).as("130 contacts in batches of 100").isEqualTo(2);
            assertThat(w.batchUpdates()).as("our writes read back are not written again").isEqualTo(2);
            assertThat(contactStream.get("apiCalls").asLong()).isEqualTo(f.calls.get(CONTACT_SEARCH));
            assertThat(orderStream.get("apiCalls").asLong()).as(f.calls.toString()).isEqualTo(orderReads(f.calls))
                    .isPositive();
            assertThat(contactStream.get("backfillDone").asBoolean()).isTrue();
            assertThat(orderStream.get("backfillDone").asBoolean()).isTrue();
            assertThat(push.get("backfillDone").isNull()).as("the push has no backfill").isTrue();
            assertThat(push.get("direction").asText()).isEqualTo("outbound");
            for (JsonNode s : List.of(contactStream, orderStream, push)) {
                assertThat(s.get("errors").asLong()).isZero();
                assertThat(s.get("lastSuccessAt").isNull()).as(s.toString()).isFalse();
                assertThat(s.get("lagSeconds").asLong()).isBetween(0L, 30L);
            }
            assertThat(crm.get("outboxDepth").asLong()).isZero();
            assertThat(crm.get("openDeadLetters").asLong()).isZero();
            // The CRM's own count of the day's calls: every call the sandbox served (provisioning included).
            long served = f.calls.values().stream().mapToLong(Long::longValue).sum();
            assertThat(crm.at("/apiBudget/used").asLong()).as(f.calls.toString()).isEqualTo(served);
            JsonNode contactsWork = work(f.status, "HubSpot first sync: contacts");
            assertThat(contactsWork.get("done").asLong()).as("read, each once").isEqualTo(CONTACTS);
            assertThat(contactsWork.get("total").asLong()).isEqualTo(CONTACTS);
            assertThat(contactsWork.get("state").asText()).isEqualTo("done");
            JsonNode ordersWork = work(f.status, "HubSpot first sync: orders");
            assertThat(ordersWork.get("done").asLong()).as("read, each once").isEqualTo(ORDERS);
            assertThat(ordersWork.get("total").asLong()).isEqualTo(ORDERS);
            assertThat(ordersWork.get("state").asText()).isEqualTo("done");
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void a_first_sync_cut_short_shows_as_stopped_and_the_next_cycle_completes_its_backfill() {
        List<Long> contacts = new ArrayList<>();
        // Two searches a second and pages of 10: the orders' first sync takes several seconds, time to cut it.
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.hubspot.search.page-size", "10",
                "loyalty.hubspot.search.per-second", "2", "loyalty.hubspot.poll-interval-ms", "500"),
                hs -> seed(hs, contacts))) {
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);
            HubSpotWorld.eventually(Duration.ofSeconds(60), () -> {
                JsonNode orders = streamOrNull(http.get("/api/sync/status").json(), "orders");
                return orders != null && !orders.get("watermark").isNull();
            });
            w.hs.faults().failNext(1, 502);
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> {
                JsonNode status = http.get("/api/sync/status").json();
                JsonNode work = workOrNull(status, "HubSpot first sync: orders");
                return work != null && work.get("state").asText().equals("stopped");
            });
            // The read marks its work stopped as the error leaves it; the stream counts the error a moment later,
            // when the route's handler sees it (a status read in between saw 0: CI, stop 27).
            HubSpotWorld.eventually(Duration.ofSeconds(10), () ->
                    streamOrNull(http.get("/api/sync/status").json(), "orders").get("errors").asLong() > 0);
            JsonNode cut = streamOrNull(http.get("/api/sync/status").json(), "orders");
            assertThat(cut.get("errors").asLong()).isEqualTo(1);

            HubSpotWorld.eventually(Duration.ofSeconds(90), () -> {
                JsonNode orders = streamOrNull(http.get("/api/sync/status").json(), "orders");
                return orders.get("backfillDone").asBoolean();
            });
            JsonNode status = http.get("/api/sync/status").json();
            assertThat(streamOrNull(status, "orders").get("recordsIn").asLong()).isEqualTo(ORDERS);
            // The resumed run replaced the stopped one: done of what was left when it resumed.
            JsonNode resumed = workOrNull(status, "HubSpot first sync: orders");
            assertThat(resumed.get("state").asText()).isEqualTo("done");
            assertThat(resumed.get("done").asLong()).isEqualTo(resumed.get("total").asLong()).isPositive();
            assertThat(status.get("work").findValuesAsText("work")).containsOnlyOnce("HubSpot first sync: orders");
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void a_provisioning_failure_shows_on_its_row_until_provisioning_works_and_then_shows_the_success() {
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(),
                hs -> hs.faults().failNextOn("/crm/v3/properties", 1, 502, 0))) {
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> {
                JsonNode row = streamOrNull(http.get("/api/sync/status").json(), "provisioning");
                return row != null && !row.get("lastSuccessAt").isNull();
            });
            JsonNode row = streamOrNull(http.get("/api/sync/status").json(), "provisioning");
            assertThat(row.get("errors").asLong()).isEqualTo(1);
            assertThat(java.time.Instant.parse(row.get("lastSuccessAt").asText()))
                    .as("healthy again, not failing for ever").isAfter(java.time.Instant.parse(row.get("lastErrorAt").asText()));
            assertThat(row.get("backfillDone").isNull()).isTrue();
        }
    }

    /** CONTACTS contacts, the first ORDERS with one delivered order each. */
    private static void seed(io.loyaltybridge.sandbox.hubspot.HubSpotSandbox hs, List<Long> contacts) {
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(hs.admin().createContact("fig" + i + "@example.com", "Fig" + i, "Ures"));
        }
        for (int i = 0; i < ORDERS; i++) {
            hs.admin().createOrder(contacts.get(i), FirstSyncTest.order(Integer.toString(10 + i), "delivered"));
        }
    }

    private record Figures(JsonNode status, Map<String, Long> calls) {
    }

    /**
     * The status and the sandbox's call counts at one moment: read until the sandbox served no call while the status
     * was read and every stream's calls are recorded (a cycle records a read's calls as the read ends). Never
     * reaching such a moment within the time fails the test: the figures would not add up.
     */
    private static Figures consistentFigures(HubSpotWorld w, Http http) {
        Figures[] found = new Figures[1];
        HubSpotWorld.eventually(Duration.ofSeconds(30), () -> {
            Map<String, Long> before = w.hs.calls().snapshot();
            JsonNode status = http.get("/api/sync/status").json();
            Map<String, Long> after = w.hs.calls().snapshot();
            long served = after.values().stream().mapToLong(Long::longValue).sum();
            long used = status.at("/systems/hubspot/apiBudget/used").asLong();
            JsonNode contacts = streamOrNull(status, "contacts");
            JsonNode orders = streamOrNull(status, "orders");
            found[0] = new Figures(status, after);
            // Our writes read back mark their members for a push that then finds nothing to send: wait for it.
            boolean drained = status.at("/systems/hubspot/outboxDepth").asLong() == 0;
            return before.equals(after) && used == served && drained && contacts != null && orders != null
                    && contacts.get("apiCalls").asLong() == after.getOrDefault(CONTACT_SEARCH, 0L)
                    && orders.get("apiCalls").asLong() == orderReads(after);
        });
        return found[0];
    }

    /**
     * The order searches, association and batch reads, and the line-item reads the sandbox served (the pipelines
     * read once at start belongs to no stream).
     */
    private static long orderReads(Map<String, Long> calls) {
        return calls.entrySet().stream()
                .filter(e -> (e.getKey().contains("/orders") || e.getKey().contains("line_items"))
                        && !e.getKey().contains("/pipelines/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static JsonNode stream(JsonNode crm, String object) {
        for (JsonNode s : crm.get("streams")) {
            if (s.get("object").asText().equals(object)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + object + " in " + crm);
    }

    private static JsonNode streamOrNull(JsonNode status, String object) {
        JsonNode crm = status.at("/systems/hubspot");
        return crm.isMissingNode() ? null : crm.get("streams").findParents("object").stream()
                .filter(s -> s.get("object").asText().equals(object)).findFirst().orElse(null);
    }

    private static JsonNode work(JsonNode status, String name) {
        JsonNode found = workOrNull(status, name);
        assertThat(found).as("work " + name + " in " + status.get("work")).isNotNull();
        return found;
    }

    private static JsonNode workOrNull(JsonNode status, String name) {
        for (JsonNode w : status.get("work")) {
            if (w.get("work").asText().equals(name)) {
                return w;
            }
        }
        return null;
    }
}
