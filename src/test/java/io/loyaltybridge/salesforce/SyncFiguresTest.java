package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of /api/sync/status (what the status page shows) after a known Salesforce backfill and a few polls
 * that read our own writes back, each exactly as the README's "Sync figures" defines it.
 */
class SyncFiguresTest {
    private static final int CONTACTS = 90;
    private static final int ORDERS = 150;
    /** The org's read operations (its API gate's names); writes are composite and sObject calls. */
    private static final List<String> READS = List.of("query", "queryAll", "queryMore", "bulk.create", "bulk.get",
            "bulk.results", "bulk.abort", "bulk.delete");

    @Test
    void a_known_backfill_shows_each_record_once_and_the_poll_row_shows_its_rounds() throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             Harness h = new Harness(sf)) {
            List<String> contacts = sf.seed(CONTACTS, ORDERS, 7);
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "2",
                    "loyalty.salesforce.backfill.page-size", "40", "loyalty.salesforce.batch-size", "40"));
            h.awaitConverged(BackfillTest.expectedPoints(sf, contacts));
            Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
            Still first = still(sf, http);
            // Polls after the push read our writes back (their SystemModstamp moved): they change nothing.
            long queried = queries(sf);
            Harness.await("three more polls", () -> queries(sf) >= queried + 3, Duration.ofSeconds(60));
            Still later = still(sf, http);
            assertThat(later.counted - first.counted).as("the poll row counts every read call the org served")
                    .isEqualTo(later.reads - first.reads).isPositive();
            JsonNode status = later.status;
            JsonNode crm = status.at("/systems/salesforce");
            assertThat(stream(crm, "Contact").get("recordsIn").asLong()).as("each contact once").isEqualTo(CONTACTS);
            assertThat(stream(crm, "Order").get("recordsIn").asLong()).as("each order once").isEqualTo(ORDERS);
            assertThat(stream(crm, "Contact").get("backfillDone").asBoolean()).isTrue();
            assertThat(stream(crm, "Order").get("backfillDone").asBoolean()).isTrue();
            JsonNode push = stream(crm, "push");
            assertThat(push.get("recordsOut").asLong()).as("each contact written once").isEqualTo(CONTACTS);
            assertThat(push.get("apiCalls").asLong()).isEqualTo(h.compositeCalls());
            assertThat(push.get("backfillDone").isNull()).isTrue();
            JsonNode poll = stream(crm, "poll");
            assertThat(poll.get("backfillDone").isNull()).as("the poll row has no backfill").isTrue();
            assertThat(poll.get("lastSuccessAt").isNull()).as("its rounds succeed: not 'not run yet'").isFalse();
            assertThat(poll.get("errors").asLong()).isZero();
            assertThat(crm.get("outboxDepth").asLong()).isZero();
            assertThat(crm.get("openDeadLetters").asLong()).isZero();
            for (String object : List.of("contacts", "orders")) {
                JsonNode work = null;
                for (JsonNode w : status.get("work")) {
                    if (w.get("work").asText().equals("Salesforce backfill: " + object)) {
                        work = w;
                    }
                }
                assertThat(work).as(object + " in " + status.get("work")).isNotNull();
                assertThat(work.get("done").asLong()).isEqualTo(object.equals("contacts") ? CONTACTS : ORDERS);
                assertThat(work.get("total").asLong()).isEqualTo(work.get("done").asLong());
                assertThat(work.get("state").asText()).isEqualTo("done");
            }
        }
    }

    /** The status, the poll row's read calls and the org's read calls served, at a moment nothing is being read. */
    private record Still(JsonNode status, long counted, long reads) {
    }

    /**
     * A moment when the figures stand still: the org served no call for 1.5 s while the status was read twice and
     * the poll row's count did not move (the poll's timer records the read calls made so far every second).
     */
    private static Still still(SalesforceSandbox sf, Http http) {
        Still[] found = new Still[1];
        Harness.await("a moment when the figures stand still", () -> {
            Map<String, Long> before = sf.calls().snapshot();
            JsonNode first = http.get("/api/sync/status").json();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            JsonNode second = http.get("/api/sync/status").json();
            Map<String, Long> after = sf.calls().snapshot();
            long counted = pollCalls(second);
            found[0] = new Still(second, counted, READS.stream().mapToLong(op -> after.getOrDefault(op, 0L)).sum());
            return before.equals(after) && pollCalls(first) == counted;
        }, Duration.ofSeconds(30));
        return found[0];
    }

    private static long pollCalls(JsonNode status) {
        return stream(status.at("/systems/salesforce"), "poll").get("apiCalls").asLong();
    }

    private static long queries(SalesforceSandbox sf) {
        return sf.calls().count("query") + sf.calls().count("queryAll");
    }

    private static JsonNode stream(JsonNode crm, String object) {
        for (JsonNode s : crm.get("streams")) {
            if (s.get("object").asText().equals(object)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + object + " in " + crm);
    }
}
