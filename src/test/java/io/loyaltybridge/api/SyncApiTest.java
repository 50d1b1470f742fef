package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/sync}: stream status, dead letters and their replay, over HTTP against the real app. */
class SyncApiTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static ApiFixture fx;
    private static ContactIngest contacts;
    private static OrderIngest orders;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
        var core = fx.app.core();
        orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        contacts = new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static InboundOrder order(String id, String contact) {
        return new InboundOrder("crm", id, contact, new BigDecimal("25"), "EUR", T0, OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of(), T0);
    }

    private static InboundContact contact(String id) {
        return new InboundContact("crm", id, id.toLowerCase() + "@example.com", "F", "L", null, null, false, T0,
                Map.of());
    }

    private static List<JsonNode> open() {
        List<JsonNode> letters = new java.util.ArrayList<>();
        fx.http.get("/api/sync/dead-letters?status=open").json().get("deadLetters").forEach(letters::add);
        return letters;
    }

    @Test
    void the_status_shows_each_stream_with_its_cursor_lag_counts_and_open_dead_letters() {
        contacts.apply(List.of(contact("S1"), contact("S2")), new SourceCursor("crm", "contact", T0));
        orders.apply(List.of(order("SO-9", "NOBODY")), new SourceCursor("crm", "order", T0));
        JsonNode crm = fx.http.get("/api/sync/status").json().at("/systems/crm");
        assertThat(crm.get("openDeadLetters").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(crm.get("outboxDepth").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode contactStream = null;
        for (JsonNode stream : crm.get("streams")) {
            if (stream.get("object").asText().equals("contact")) {
                contactStream = stream;
            }
        }
        assertThat(contactStream).isNotNull();
        assertThat(contactStream.get("watermark").asText()).isEqualTo(T0.toString());
        assertThat(contactStream.get("recordsIn").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(contactStream.get("lagSeconds").asLong()).as("it just read successfully").isBetween(0L, 60L);
    }

    @Test
    void a_job_run_shows_as_finished_work_with_its_counts() {
        fx.app.core().jobs().tierAssessment();
        JsonNode work = fx.http.get("/api/sync/status").json().get("work");
        assertThat(work).anySatisfy(w -> {
            assertThat(w.get("work").asText()).isEqualTo("Tier assessment");
            assertThat(w.get("finished").asBoolean()).isTrue();
            assertThat(w.get("done").asLong()).isEqualTo(w.get("total").asLong());
        });
    }

    @Test
    void an_order_waiting_for_its_contact_stays_open_on_replay_and_goes_through_when_the_contact_arrives() {
        orders.apply(List.of(order("W-1", "LATE")), null);
        JsonNode letter = open().stream().filter(l -> l.get("recordId").asText().equals("W-1")).findFirst()
                .orElseThrow();
        assertThat(letter.get("errorCode").asText()).isEqualTo("unknown_contact");
        assertThat(letter.at("/payload/contactExternalId").asText()).isEqualTo("LATE");
        Http.Response replay = fx.http.post("/api/sync/dead-letters/" + letter.get("id").asLong() + "/replay", "{}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("replayed").asBoolean()).isFalse();
        assertThat(replay.json().get("errorCode").asText()).isEqualTo("unknown_contact");

        contacts.apply(List.of(contact("LATE")), null);
        assertThat(open()).noneMatch(l -> l.get("recordId").asText().equals("W-1"));
        assertThat(fx.http.get("/api/members?email=late@example.com").json().get("balance").asLong()).isEqualTo(25);
    }

    @Test
    void an_outbound_dead_letter_replayed_puts_the_member_back_in_the_outbox_once() {
        contacts.apply(List.of(contact("OUT")), null);
        long member = fx.http.get("/api/members?email=out@example.com").json().get("id").asLong();
        long id = fx.app.core().transactions().inTransaction(() -> fx.app.core().syncStores().deadLetters().add("crm",
                "outbound", "contact", "OUT", "{\"memberId\":" + member + ",\"externalId\":\"OUT\"}",
                "INVALID_FIELD", "refused", null));
        Http.Response first = fx.http.post("/api/sync/dead-letters/" + id + "/replay", "{}");
        Http.Response again = fx.http.post("/api/sync/dead-letters/" + id + "/replay", "{}");
        assertThat(first.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("already_replayed");
        assertThat(fx.http.post("/api/sync/dead-letters/999999/replay", "{}").status()).isEqualTo(404);
    }
}
