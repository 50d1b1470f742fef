package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the way in (FaultsTest covers the push): a backfill meeting 5xx bursts, slow answers and expired
 * sessions, and change events delivered a second time. Each ends with the ledger a clean run writes: every
 * order's points once, no open dead letters, Salesforce showing the core's points.
 */
class InboundFaultsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z"));
    SalesforceSandbox sf;
    Harness h;
    int made;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock).withKeepAlive(Duration.ofSeconds(1)));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        sf.faults().clear();
        h.close();
        sf.close();
    }

    /** New contacts with one activated order each: points = whole euros. */
    Map<String, Long> buyers(int count) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int n = made++;
            clock.advance(Duration.ofMillis(10));
            String id = sf.admin().createContact(Map.of("LastName", "In" + n, "Email", "in" + n + "@example.com"));
            clock.advance(Duration.ofMillis(10));
            sf.admin().createOrder(id, "Activated", LocalDate.of(2026, 6, 1), "EUR",
                    List.of(new Line("SKU-ACC-01", 1, 10 + n + 0.25)));
            expected.put(id, 10L + n);
        }
        return expected;
    }

    void assertCleanLedger(Map<String, Long> expected) {
        h.awaitConverged(expected);
        // an order whose event came before its contact's waited as a letter and was replayed: none stays open
        assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM dead_letters WHERE status = 'open'")).isZero();
        assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM ledger_entries")).isEqualTo(expected.size());
        assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM orders")).isEqualTo(expected.size());
    }

    @Test
    void a_backfill_meeting_server_errors_slow_answers_and_expired_sessions_writes_the_ledger_of_a_clean_one() {
        Map<String, Long> expected = buyers(12);
        sf.faults().failNext(3, 503); // the first calls of the backfill: its bulk jobs
        h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "1",
                "loyalty.salesforce.http.timeout-ms", "2000"));
        sf.faults().expireAllTokens();
        assertCleanLedger(expected);

        // after the backfill, the polls: slow answers past the time limit, then a burst of 5xx
        sf.faults().latency(Duration.ofMillis(3000));
        expected.putAll(buyers(3));
        Harness.await("a poll timed out", () -> Db.longValue(h.databaseUrl,
                "SELECT coalesce(sum(errors), 0) FROM sync_sources WHERE object IN ('poll', 'Contact', 'Order')") > 0);
        sf.faults().latency(Duration.ZERO);
        sf.faults().failNext(4, 500);
        expected.putAll(buyers(2));
        assertCleanLedger(expected);
        assertThat(sf.faults().takeFailure()).as("the burst was spent on calls").isZero();
    }

    @Test
    void change_events_delivered_again_from_an_older_replay_id_change_nothing() throws Exception {
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                "3600"));
        Harness.await("both event streams are open", () -> sf.openPubSubStreams() == 2);
        Map<String, Long> expected = new HashMap<>(buyers(1));
        h.awaitConverged(expected);
        List<String> older = Db.rows(h.databaseUrl, "SELECT object, encode(replay_id, 'hex') FROM sync_sources"
                + " WHERE replay_id IS NOT NULL ORDER BY object");
        expected.putAll(buyers(2));
        assertCleanLedger(expected);
        h.stop();
        Harness.await("streams closed", () -> sf.openPubSubStreams() == 0);

        // as if the last acknowledgements were lost: the streams start again from the first event's replay id
        try (var c = DriverManager.getConnection(h.databaseUrl)) {
            for (String row : older) {
                String[] parts = row.split(" \\| ");
                try (var s = c.prepareStatement("UPDATE sync_sources SET replay_id = decode(?, 'hex')"
                        + " WHERE system = 'salesforce' AND object = ?")) {
                    s.setString(1, parts[1]);
                    s.setString(2, parts[0]);
                    assertThat(s.executeUpdate()).isEqualTo(1);
                }
            }
        }
        long reads = sf.calls().count("queryAll");
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                "3600"));
        // read again by the batch: at least one read per stream (Contact, Order)
        Harness.await("the events after the old replay id were read again", () -> sf.calls().count("queryAll")
                >= reads + 2);
        assertCleanLedger(expected);
        Harness.awaitSteady(() -> Db.longValue(h.databaseUrl, "SELECT count(*) FROM ledger_entries"),
                Duration.ofSeconds(1));
        assertThat(older).isNotEmpty();
    }
}
