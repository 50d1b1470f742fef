package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault the sandbox can inject, each striking a known call: the connector retries or resumes, and ends with
 * the core and the org agreeing, no point lost or doubled, and — once the fault is over — exactly one
 * sObject Collections call per 200 changed contacts.
 */
class FaultsTest {
    SalesforceSandbox sf;
    Harness h;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withKeepAlive(Duration.ofSeconds(1)));
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        sf.faults().clear();
        h.close();
        sf.close();
    }

    /** One poll at start and none after: the next call after the inbound read is the push. */
    Map<String, String> onePoll() {
        return Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "3600");
    }

    int made;

    /** New contacts with one activated order each, points = whole euros of the order. */
    Map<String, Long> buyers(int count) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int n = made++;
            String id = sf.admin().createContact(Map.of("LastName", "Buyer" + n, "Email", "b" + n + "@example.com"));
            sf.admin().createOrder(id, "Activated", LocalDate.of(2026, 3, 1), "EUR",
                    List.of(new Line("SKU-ACC-01", 1, 10 + i + 0.5)));
            expected.put(id, 10L + i);
        }
        return expected;
    }

    /** Waits until the core holds the points (the push is then still held back by the linger or its period). */
    void awaitTakenIn(Map<String, Long> expected) {
        Harness.await("points in the core", () -> expected.entrySet().stream()
                .allMatch(e -> h.points(e.getKey()) == e.getValue()));
    }

    @Test
    void expired_tokens_make_camel_log_in_again_and_the_push_goes_through() {
        Map<String, Long> expected = buyers(3);
        // the push lingers 4 s after the first change, so the tokens expire before it
        Map<String, String> settings = new HashMap<>(onePoll());
        settings.put("loyalty.salesforce.push.linger-ms", "4000");
        h.start(settings);
        awaitTakenIn(expected);
        long logins = sf.calls().count("token");
        sf.faults().expireAllTokens();
        h.awaitConverged(expected);
        assertThat(sf.calls().count("token")).isEqualTo(logins + 1);
        // the push answered 401 once, then camel retried it with the new session
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(3) + 1);
    }

    @Test
    void server_errors_on_the_push_are_retried_until_every_record_is_written_once() {
        Map<String, Long> expected = buyers(205);
        // the push first looks at the outbox 6 s after start and waits for the poll however long it reads, so the
        // failures are armed before it (205 ready contacts fill a call, which then goes at once)
        Map<String, String> settings = new java.util.HashMap<>(onePoll());
        settings.put("loyalty.salesforce.push.period-ms", "6000");
        settings.put("loyalty.salesforce.push.read-hold-ms", "60000");
        h.start(settings);
        // one query, not 205 profiles: noticed within the moment between the poll's end and the push's next look
        Harness.await("every order taken in", () -> h.source("Order").map(s -> s.recordsIn() == 205).orElse(false));
        sf.faults().failNext(2, 503);
        awaitTakenIn(expected);
        h.awaitConverged(expected);
        // The two failures hit the next two calls of any kind; on a loaded machine one may be another call than the
        // push. What matters: no record written twice, and the push retried what failed.
        assertThat(sf.calls().count("record.update.unchanged")).as("records written twice").isZero();
        assertThat(h.compositeCalls()).as(sf.calls().snapshot().toString())
                .isBetween(Harness.callsFor(205) + 1, Harness.callsFor(205) + 2);
        assertThat(h.source("push").orElseThrow().lastError()).contains("SERVER_UNAVAILABLE");
    }

    @Test
    void slow_answers_past_the_timeout_are_retried_and_answers_within_it_just_take_longer() {
        Map<String, Long> expected = buyers(2);
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "3600", "loyalty.salesforce.http.timeout-ms", "800"));
        awaitTakenIn(expected);
        sf.faults().latency(Duration.ofMillis(1200));
        Harness.await("a push timed out", () -> h.source("push").map(s -> s.errors() > 0).orElse(false));
        sf.faults().latency(Duration.ofMillis(300));
        long before = h.compositeCalls();
        h.awaitConverged(expected);
        assertThat(h.compositeCalls() - before).isEqualTo(Harness.callsFor(2));
    }

    @Test
    void an_exhausted_daily_limit_holds_pushes_back_until_it_is_restored() {
        Map<String, Long> expected = buyers(4);
        Map<String, String> settings = new HashMap<>(onePoll());
        settings.put("loyalty.salesforce.limit.slow-period-seconds", "1");
        h.start(settings);
        awaitTakenIn(expected);
        sf.faults().exhaustDailyLimit();
        Harness.await("a push was refused", () -> h.source("push").map(s -> s.errors() > 0).orElse(false));
        assertThat(sf.admin().field(expected.keySet().iterator().next(), "Loyalty_Points__c")).isNull();
        long refused = h.compositeCalls();
        sf.faults().restoreDailyLimit();
        h.awaitConverged(expected);
        assertThat(h.compositeCalls() - refused).isEqualTo(Harness.callsFor(4));
    }

    @Test
    void dropped_event_streams_resume_from_the_last_event_and_miss_nothing() {
        h.start(Map.of("loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.poll.period-seconds",
                "3600"));
        Harness.await("both streams open", () -> sf.openPubSubStreams() == 2);
        Map<String, Long> expected = new HashMap<>(buyers(1));
        h.awaitConverged(expected);
        long polls = h.source("Contact").map(s -> s.recordsIn()).orElse(0L);

        sf.faults().dropStreams();
        expected.putAll(buyers(2)); // made while no stream is open
        h.awaitConverged(expected);
        assertThat(sf.openPubSubStreams()).isEqualTo(2);
        assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(1) + Harness.callsFor(2));
        assertThat(h.source("Contact").map(s -> s.recordsIn()).orElse(0L)).as("no poll ran").isEqualTo(polls);
    }
}
