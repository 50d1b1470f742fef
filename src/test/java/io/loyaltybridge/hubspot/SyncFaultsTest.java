package io.loyaltybridge.hubspot;

import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot failing in every way it can while the connector syncs: 5xx bursts, answers slower than the call's time
 * limit, a revoked token, the daily limit used up and given back at midnight. Each ends where a run without the
 * fault ends: every contact showing its member's profile, the points of every order once, no open dead letters.
 */
class SyncFaultsTest {
    private final Map<Long, Long> expected = new LinkedHashMap<>();
    private int made;

    /** A new contact with one delivered order of {@code euros}. */
    private void buyer(io.loyaltybridge.sandbox.hubspot.HubSpotSandbox hs, long euros) {
        int n = made++;
        long contact = hs.admin().createContact("f" + n + "@example.com", "F" + n, "Fault");
        hs.admin().createOrder(contact, FirstSyncTest.order(Long.toString(euros), "delivered"));
        expected.put(contact, euros);
    }

    /** The end state of a fault-free run: each contact in sync with its points, one entry per order, no letters. */
    private void awaitSameEndState(HubSpotWorld w) {
        HubSpotWorld.eventually(Duration.ofSeconds(25), () -> expected.entrySet().stream().allMatch(e ->
                w.memberOf(e.getKey()).map(w::points).orElse(-1L).equals(e.getValue()) && w.inSync(e.getKey())));
        // an order read before its new contact waits as a letter and is replayed with it, faults or not
        assertThat(Db.rows(w.url, "SELECT direction, record_type, error_code, error FROM dead_letters"
                + " WHERE status = 'open'")).isEmpty();
        assertThat(w.ledgerEntries()).isEqualTo(expected.size());
        assertThat(Db.longValue(w.url, "SELECT count(*) FROM orders")).isEqualTo(expected.size());
        w.assertLedgerAndSpecs();
    }

    private static long errors(HubSpotWorld w) {
        return Db.longValue(w.url, "SELECT coalesce(sum(errors), 0) FROM sync_sources WHERE system = 'hubspot'");
    }

    @Test
    void server_errors_slow_answers_and_a_revoked_token_end_in_the_state_of_a_run_without_them() {
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.hubspot.http.timeout-ms", "700"),
                (BiConsumer<io.loyaltybridge.sandbox.hubspot.HubSpotSandbox, String>) (hs, url) -> {
                    buyer(hs, 20);
                    buyer(hs, 30);
                })) {
            awaitSameEndState(w);

            // a burst of 5xx: the cycles that meet it fail and a later one takes everything in
            w.hs.faults().failNext(4, 502);
            buyer(w.hs, 40);
            awaitSameEndState(w);
            assertThat(w.proxy.exchanges().stream().filter(e -> e.status() == 502)).hasSize(4);

            // answers slower than the time limit: calls fail until HubSpot is quick again
            long before = errors(w);
            w.hs.faults().latency(Duration.ofMillis(1500));
            buyer(w.hs, 50);
            HubSpotWorld.eventually(Duration.ofSeconds(10), () -> errors(w) > before);
            w.hs.faults().latency(Duration.ZERO);
            awaitSameEndState(w);

            // the token stops working (revoked): nothing is dead-lettered, and the sync resumes once it works again
            w.hs.faults().expireToken(HubSpotWorld.TOKEN);
            buyer(w.hs, 60);
            HubSpotWorld.eventually(Duration.ofSeconds(10), () -> w.proxy.exchanges().stream()
                    .anyMatch(e -> e.status() == 401));
            assertThat(w.memberOf(expected.keySet().stream().reduce((a, b) -> b).orElseThrow())).isEmpty();
            w.hs.faults().restoreToken(HubSpotWorld.TOKEN);
            awaitSameEndState(w);
        }
    }

    @Test
    void a_used_up_daily_limit_stops_the_calls_until_midnight_and_the_sync_then_catches_up() {
        ShiftedClock clock = new ShiftedClock();
        ZoneId account = ZoneId.of("Asia/Tokyo"); // HubSpot resets the day at the account's midnight, not UTC's
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o.timeZone(account), Map.of(),
                (io.loyaltybridge.sandbox.hubspot.HubSpotSandbox hs, String url) -> buyer(hs, 25), clock)) {
            awaitSameEndState(w);
            w.hs.faults().exhaustDaily();
            buyer(w.hs, 35);
            HubSpotWorld.eventually(Duration.ofSeconds(10), () -> w.proxy.exchanges().stream()
                    .anyMatch(e -> e.status() == 429));
            // Calls that passed the limiter before the 429 came back (the push and the reads run on their own
            // threads) may still land; after them, nothing more goes until midnight.
            int calls = w.callsOnceStill(Duration.ofMillis(500));
            HubSpotWorld.throughout(Duration.ofSeconds(1), () -> w.proxy.exchanges().size() == calls);

            // HubSpot's day ends: the allowance is back, and so is the connector
            long refused = w.proxy.exchanges().stream().filter(e -> e.status() == 429).count();
            w.hs.faults().restoreDaily();
            clock.shift(Duration.between(clock.instant(), LocalDate.ofInstant(clock.instant(), account).plusDays(1)
                    .atStartOfDay(account).toInstant()).plusSeconds(1));
            awaitSameEndState(w);
            assertThat(refused).isPositive();
            assertThat(w.proxy.exchanges().stream().filter(e -> e.status() == 429).count()).isEqualTo(refused);
        }
    }

    /** System time plus an offset a test can move forward. */
    static final class ShiftedClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void shift(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new io.loyaltybridge.sandbox.ZoneView(this, zone); // days read in that zone
        }
    }
}
