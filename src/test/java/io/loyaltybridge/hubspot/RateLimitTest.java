package io.loyaltybridge.hubspot;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot's limits: 429 storms are waited out, and the daily share is never exceeded. */
class RateLimitTest {

    @Test
    void a_storm_of_429s_is_waited_out_without_spinning_and_every_profile_still_arrives_in_two_calls() {
        List<Long> contacts = new ArrayList<>();
        FreezableClock clock = new FreezableClock();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.clock(clock).indexingDelay(Duration.ofMillis(700)),
                Map.of("loyalty.hubspot.rate-limit.pause-after-429-ms", "300"), hs -> {
                    for (int i = 0; i < 150; i++) {
                        contacts.add(hs.admin().createContact("s" + i + "@example.com", "S" + i, "Storm"));
                    }
                    hs.faults().rateLimitStorm(2);
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> contacts.stream().allMatch(w::inSync));
            HubSpotWorld.throughout(Duration.ofMillis(600),
                    () -> w.proxy.count(HubSpotWorld.BATCH_UPDATE, 200) == 2);
            var calls = w.proxy.exchanges();
            assertThat(calls.stream().filter(e -> e.status() == 429)).hasSize(2);
            for (int i = 0; i + 1 < calls.size(); i++) {
                if (calls.get(i).status() == 429) {
                    assertThat(calls.get(i + 1).atMillis() - calls.get(i).atMillis())
                            .as("pause after the 429 of call %d", i).isGreaterThanOrEqualTo(250);
                }
            }

            // A second storm while pushing: the rejected batch is sent again after the pause, nothing is lost.
            // The orders share one modified time, so search sees all of them at once (after the indexing delay).
            w.hs.faults().rateLimitStorm(2);
            clock.freeze();
            contacts.subList(0, 120).forEach(id -> w.hs.admin().createOrder(id, FirstSyncTest.order("10", "processed")));
            clock.release();
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> contacts.subList(0, 120).stream()
                    .allMatch(id -> w.memberOf(id).map(w::points).orElse(0L) == 10)
                    && contacts.stream().allMatch(w::inSync));
            HubSpotWorld.throughout(Duration.ofMillis(600),
                    () -> w.proxy.count(HubSpotWorld.BATCH_UPDATE, 200) == 4);
            assertThat(w.proxy.exchanges().stream().filter(e -> e.status() == 429)).hasSize(4);
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void once_the_daily_share_is_used_up_the_connector_makes_no_more_calls() {
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.dailyLimit(40),
                Map.of("loyalty.hubspot.rate-limit.share-percent", "50"), hs -> {
                    for (int i = 0; i < 30; i++) {
                        hs.admin().createContact("d" + i + "@example.com", "D" + i, "Daily");
                    }
                })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.proxy.exchanges().size() >= 20);
            // Half of 40 is ours; the answer that shows it spent stops every further call until the next day.
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.proxy.exchanges().size() == 20);
            assertThat(w.proxy.exchanges()).noneMatch(e -> e.status() == 429);
        }
    }

    @Test
    void a_429_is_retried_only_after_the_interval_the_headers_give_for_a_get_and_a_post_alike() {
        // The window the headers give is 3 s here (HubSpot's is 10 s): the connector must wait what they say.
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.rateWindow(Duration.ofMillis(3_000)), Map.of(), hs -> {
            hs.admin().createContact("first@example.com", "First", "Gap");
            hs.faults().rateLimitStorm(1);
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(40), () -> w.batchUpdates() == 1);
            w.hs.faults().rateLimitStorm(1);
            long second = w.hs.admin().createContact("second@example.com", "Second", "Gap");
            HubSpotWorld.eventually(Duration.ofSeconds(40), () -> w.inSync(second));
            var calls = w.proxy.exchanges();
            List<String> limited = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).status() == 429) {
                    limited.add(calls.get(i).endpoint());
                    // The retry is the next call to the same endpoint (the push runs on its own thread: a batch
                    // update already on its way when the 429 came back may land just after it).
                    int retry = i + 1;
                    while (retry < calls.size() && !calls.get(retry).endpoint().equals(calls.get(i).endpoint())) {
                        retry++;
                    }
                    assertThat(retry).as("a retry follows the 429").isLessThan(calls.size());
                    // X-HubSpot-RateLimit-Interval-Milliseconds says 3 000; httpclient5's own retry would come
                    // after 1 s.
                    assertThat(calls.get(retry).atMillis() - calls.get(i).atMillis())
                            .as("gap after the 429 of %s", calls.get(i).endpoint()).isGreaterThanOrEqualTo(2_900);
                }
            }
            assertThat(limited).hasSize(2).anyMatch(e -> e.startsWith("GET ")).anyMatch(e -> e.startsWith("POST "));
            w.assertLedgerAndSpecs();
        }
    }

    @Test
    void after_a_daily_429_calls_pause_until_midnight_in_the_accounts_time_zone_and_status_and_readiness_say_so() {
        java.time.ZoneId kiritimati = java.time.ZoneId.of("Pacific/Kiritimati"); // UTC+14: its midnight is not UTC's
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.timeZone(kiritimati), Map.of(), hs ->
                hs.admin().createContact("day@example.com", "Day", "Limit"))) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.batchUpdates() == 1);
            w.hs.faults().exhaustDaily();
            w.hs.admin().createContact("late@example.com", "Late", "Limit");
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.proxy.exchanges().stream()
                    .anyMatch(e -> e.status() == 429));
            java.time.Instant midnight = java.time.LocalDate.now(kiritimati).plusDays(1).atStartOfDay(kiritimati)
                    .toInstant();
            var http = new io.loyaltybridge.support.Http(w.app.baseUrl(), io.loyaltybridge.support.TestApp.TOKEN);
            // The proxy logs the 429 before the connector has read it: wait for the pause to show.
            HubSpotWorld.eventually(Duration.ofSeconds(10), () -> http.get("/api/sync/status").json()
                    .path("systems").path("hubspot").has("paused"));
            var paused = http.get("/api/sync/status").json().path("systems").path("hubspot").path("paused");
            assertThat(paused.path("until").asText()).isEqualTo(midnight.toString());
            assertThat(paused.path("message").asText()).startsWith("daily limit reached, resumes at ");
            var ready = http.get("/observe/health/ready");
            assertThat(ready.status()).isNotEqualTo(200);
            assertThat(ready.text()).contains("crm-hubspot");
            // Nothing more is called until then.
            int calls = w.callsOnceStill(Duration.ofMillis(500));
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.proxy.exchanges().size() == calls);
        }
    }

    @Test
    void a_503s_retry_after_holds_every_call_and_the_next_cycle_then_catches_up() {
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs ->
                hs.admin().createContact("busy@example.com", "Busy", "Peer"))) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.batchUpdates() == 1);
            w.hs.faults().failNext(1, 503, 3);
            long later = w.hs.admin().createContact("later@example.com", "Later", "Peer");
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.inSync(later));
            var calls = w.proxy.exchanges();
            int at = -1;
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).status() == 503) {
                    at = i;
                }
            }
            assertThat(at).as("the 503 was answered").isNotNegative();
            // Retry-After asked for 3 s: no call goes before, whoever makes it.
            assertThat(calls.get(at + 1).atMillis() - calls.get(at).atMillis()).isGreaterThanOrEqualTo(2_800);
            w.assertLedgerAndSpecs();
        }
    }
}
