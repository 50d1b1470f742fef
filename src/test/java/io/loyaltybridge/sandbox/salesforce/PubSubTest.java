package io.loyaltybridge.sandbox.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.InvalidReplayIdException;
import org.apache.camel.component.salesforce.PubSubApiConsumer;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PubSubTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    static SalesforceSandbox sf;
    CamelSalesforce camel;
    Events events;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(CLOCK).withKeepAlive(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    @BeforeEach
    void camel() {
        camel = CamelSalesforce.clientCredentials(sf).start();
        events = new Events();
    }

    @AfterEach
    void closeCamel() throws InterruptedException {
        camel.close();
        long deadline = System.currentTimeMillis() + 5_000;
        while (sf.openPubSubStreams() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    PubSubApiConsumer subscribe(String topic, String replay) throws Exception {
        int before = sf.openPubSubStreams();
        PubSubApiConsumer consumer = camel.startPubSubRoute("cdc", new RouteBuilder() {
            @Override
            public void configure() {
                from("salesforce:pubSubSubscribe:" + topic + "?pubSubDeserializeType=AVRO&" + replay)
                        .routeId("cdc").autoStartup(false).process(events::collect);
            }
        });
        Events.awaitStreams(sf, before + 1);
        return consumer;
    }

    @Test
    void creates_updates_deletes_and_undeletes_arrive_as_avro_change_events() throws Exception {
        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        String id = sf.admin().createContact(Map.of("FirstName", "Ada", "LastName", "Lovelace",
                "Email", "ada@example.com", "Loyalty_Tier__c", "Silver"));
        Events.Received created = events.next();
        assertThat(created.changeType()).isEqualTo("CREATE");
        assertThat(created.recordIds()).containsExactly(id);
        assertThat(((GenericRecord) created.body().get("Name")).get("LastName").toString()).isEqualTo("Lovelace");
        assertThat(created.field("Email")).isEqualTo("ada@example.com");
        assertThat(created.changeOrigin()).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1));
        Map<String, Object> change = new java.util.HashMap<>(Map.of("Loyalty_Tier__c", "Gold", "FirstName", "Augusta"));
        change.put("Email", null);
        sf.admin().update(id, change);
        Events.Received updated = events.next();
        assertThat(updated.changeType()).isEqualTo("UPDATE");
        assertThat(updated.changedFields()).containsExactlyInAnyOrder("Loyalty_Tier__c", "Name.FirstName", "Email",
                "LastModifiedDate");
        assertThat(updated.nulledFields()).containsExactly("Email");
        assertThat(updated.field("Loyalty_Tier__c")).isEqualTo("Gold");
        assertThat(updated.field("LastModifiedDate")).isEqualTo(CLOCK.millis());
        assertThat(updated.field("Loyalty_Points__c")).isNull();

        sf.admin().delete(id);
        assertThat(events.next().changeType()).isEqualTo("DELETE");
        sf.admin().undelete(id);
        Events.Received undeleted = events.next();
        assertThat(undeleted.changeType()).isEqualTo("UNDELETE");
        assertThat(undeleted.field("Loyalty_Tier__c")).isEqualTo("Gold");
    }

    @Test
    void the_same_change_to_several_records_in_one_transaction_is_one_event_with_all_record_ids() throws Exception {
        List<String> ids = List.of(sf.admin().createContact(Map.of("LastName", "A")),
                sf.admin().createContact(Map.of("LastName", "B")), sf.admin().createContact(Map.of("LastName", "C")));
        subscribe("/data/ChangeEvents", "replayPreset=LATEST");
        sf.admin().updateAll(ids, Map.of("Loyalty_Segment__c", "VIP"));
        Events.Received merged = events.next();
        assertThat(merged.recordIds()).containsExactlyElementsOf(ids);
        assertThat(merged.changedFields()).containsExactlyInAnyOrder("Loyalty_Segment__c", "LastModifiedDate");
        assertThat(events.quietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void writes_through_the_rest_api_carry_the_callers_client_id_as_change_origin() throws Exception {
        String id = sf.admin().createContact(Map.of("LastName", "Echo"));
        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        camel.template.requestBodyAndHeader("salesforce:compositeUpdateSObjectCollections",
                List.of(LoyaltyContact.of(id, "Gold", 10)), "allOrNone", false);
        Events.Received echo = events.next();
        assertThat(echo.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=loyaltybridge-client");
        assertThat(echo.changedFields()).contains("Loyalty_Tier__c", "Loyalty_Points__c");
    }

    @Test
    void a_subscriber_resumes_after_its_stored_replay_id_without_loss_or_repeats() throws Exception {
        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        String id = sf.admin().createContact(Map.of("LastName", "Resume"));
        String stored = events.next().replayId();
        camel.context.getRouteController().stopRoute("cdc");
        camel.context.removeRoute("cdc");
        Events.awaitStreamsAtMost(sf, 0);
        sf.admin().update(id, Map.of("Loyalty_Points__c", 1));
        sf.admin().update(id, Map.of("Loyalty_Points__c", 2));
        subscribe("/data/ContactChangeEvent", "replayPreset=CUSTOM&pubSubReplayId=" + stored);
        assertThat(events.next().field("Loyalty_Points__c")).isEqualTo(1.0);
        assertThat(events.next().field("Loyalty_Points__c")).isEqualTo(2.0);
        assertThat(events.quietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void a_corrupt_or_expired_replay_id_fails_the_stream_with_invalid_replay_id() throws Exception {
        String corrupt = Base64.getEncoder().encodeToString("not-a-replay-id".getBytes());
        assertThat(invalidReplayIdFor(corrupt)).isEqualTo(corrupt);

        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        sf.admin().createContact(Map.of("LastName", "Old"));
        String old = events.next().replayId();
        camel.context.getRouteController().stopRoute("cdc");
        camel.context.removeRoute("cdc");
        Events.awaitStreamsAtMost(sf, 0);
        CLOCK.advance(Duration.ofHours(73)); // past the 72 h retention
        sf.admin().createContact(Map.of("LastName", "New"));
        assertThat(invalidReplayIdFor(old)).isEqualTo(old);
    }

    private String invalidReplayIdFor(String replayId) throws Exception {
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        camel.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("salesforce:pubSubSubscribe:/data/ContactChangeEvent?replayPreset=CUSTOM&pubSubReplayId="
                        + replayId).routeId("bad").autoStartup(false).process(events::collect);
            }
        });
        PubSubApiConsumer consumer = (PubSubApiConsumer) camel.context.getRoute("bad").getConsumer();
        consumer.setUsePlainTextConnection(true);
        consumer.setExceptionHandler(new Recorder(handled));
        camel.context.getRouteController().startRoute("bad");
        long deadline = System.currentTimeMillis() + 10_000;
        while (handled.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        camel.context.getRouteController().stopRoute("bad");
        camel.context.removeRoute("bad");
        assertThat(handled).first().isInstanceOf(InvalidReplayIdException.class);
        return ((InvalidReplayIdException) handled.get(0)).getReplayId();
    }

    @Test
    void after_dropped_streams_camel_resubscribes_from_its_last_replay_id() throws Exception {
        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        String id = sf.admin().createContact(Map.of("LastName", "Drop"));
        events.next();
        sf.faults().dropStreams();
        sf.admin().update(id, Map.of("Loyalty_Tier__c", "Gold")); // made while no stream is open
        Events.Received missed = events.next();
        assertThat(missed.changeType()).isEqualTo("UPDATE");
        assertThat(missed.recordIds()).containsExactly(id);
        assertThat(events.quietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void after_tokens_expire_camel_logs_in_again_and_the_stream_goes_on() throws Exception {
        subscribe("/data/ContactChangeEvent", "replayPreset=LATEST");
        sf.admin().createContact(Map.of("LastName", "Before"));
        events.next(); // camel now holds a replay id to resume from; with none it would resume at LATEST
        long logins = sf.calls().count("token");
        sf.faults().expireAllTokens();
        sf.faults().dropStreams();
        String id = sf.admin().createContact(Map.of("LastName", "Relogin"));
        assertThat(events.next().recordIds()).containsExactly(id);
        assertThat(sf.calls().count("token")).isGreaterThan(logins);
    }

    /** Records what the consumer reports instead of logging it, so the test can assert on it. */
    private record Recorder(List<Throwable> handled) implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            handled.add(exception);
        }
    }
}
