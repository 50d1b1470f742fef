package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhooksTest extends SandboxFixture {
    private final WebhookReceiver receiver = new WebhookReceiver();

    @Override
    protected SandboxOptions options() {
        return super.options().appSecret("s3cret").webhookTarget(receiver.uri())
                .webhookRetryDelays(HubSpotRetrySchedule.compressed(360_000)).webhookFlushInterval(Duration.ofMillis(20));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private List<JsonNode> eventsOfType(String type) {
        return receiver.events().stream().filter(e -> e.get("subscriptionType").asText().equals(type)).toList();
    }

    @Test
    void aChangeArrivesAsASignedBatchWhoseV3SignatureVerifies() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        Eventually.within(Duration.ofSeconds(5), () -> !eventsOfType("contact.creation").isEmpty());
        WebhookReceiver.Delivery d = receiver.accepted().get(0);
        String expected = V3Signature.sign("s3cret", "POST", receiver.uri().toString(), d.body(),
                Long.parseLong(d.timestamp()));
        assertThat(d.signature()).isEqualTo(expected);
        assertThat(d.timestamp()).isEqualTo(String.valueOf(clock.millis()));
        JsonNode creation = eventsOfType("contact.creation").get(0);
        assertThat(creation.get("objectId").asLong()).isEqualTo(id);
        assertThat(creation.get("changeSource").asText()).isEqualTo("CRM_UI");
        assertThat(creation.get("attemptNumber").asInt()).isZero();
        assertThat(eventsOfType("contact.propertyChange")).extracting(e -> e.get("propertyName").asText())
                .contains("email", "firstname", "lastname");
    }

    @Test
    void writesWithTheAppTokenCarryIntegrationAndTheAppIdSoTheConnectorCanSkipThem() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        http.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"lastname\":\"Smith\"}}");
        Eventually.within(Duration.ofSeconds(5), () -> eventsOfType("contact.propertyChange").stream()
                .anyMatch(e -> e.get("propertyValue").asText().equals("Smith")));
        JsonNode own = eventsOfType("contact.propertyChange").stream()
                .filter(e -> e.get("propertyValue").asText().equals("Smith")).findFirst().orElseThrow();
        assertThat(own.get("changeSource").asText()).isEqualTo("INTEGRATION");
        assertThat(own.get("sourceId").asText()).isEqualTo(String.valueOf(SandboxOptions.defaults().appId()));
    }

    @Test
    void aRefusedBatchIsRetriedWithAHigherAttemptNumberUntilTheReceiverAcceptsIt() {
        receiver.refuseNext(3);
        hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        Eventually.within(Duration.ofSeconds(10), () -> !eventsOfType("contact.creation").isEmpty());
        // The sandbox logs an attempt once the receiver's answer is in, a moment after the receiver saw it.
        Eventually.within(Duration.ofSeconds(10), () -> hs.webhookLog().attempts().size() == 4);
        assertThat(receiver.posts()).isEqualTo(4);
        assertThat(eventsOfType("contact.creation").get(0).get("attemptNumber").asInt()).isEqualTo(3);
        assertThat(hs.webhookLog().attempts()).extracting(WebhookLog.Attempt::accepted)
                .containsExactly(false, false, false, true);
    }

    @Test
    void aReceiverThatNeverAcceptsIsTriedTenTimesThenGivenUp() {
        receiver.refuseNext(Integer.MAX_VALUE);
        hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        Eventually.within(Duration.ofSeconds(15), () -> hs.webhookLog().attempts().size() >= 10);
        Eventually.throughout(Duration.ofMillis(300), () -> hs.webhookLog().attempts().size() == 10);
    }

    @Test
    void manyChangesArriveInBatchesOfAtMostOneHundred() {
        for (int i = 0; i < 60; i++) {
            hs.admin().createContact("c" + i + "@example.com", "C", "X");
        }
        Eventually.within(Duration.ofSeconds(10), () -> eventsOfType("contact.creation").size() == 60);
        assertThat(receiver.accepted()).allSatisfy(d -> assertThat(d.events().size()).isLessThanOrEqualTo(100));
        assertThat(receiver.events()).hasSize(60 * 4);
    }

    @Test
    void ordersAndDealsUseTheGenericObjectEventsWithTheirTypeIds() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long order = hs.admin().createOrder(ann, Map.of("hs_total_price", "10"));
        hs.admin().createDeal(ann, Map.of("amount", "10"));
        hs.admin().update(ObjectType.ORDERS, order, Map.of("hs_pipeline_stage", "refunded"));
        Eventually.within(Duration.ofSeconds(5), () -> eventsOfType("object.propertyChange").stream()
                .anyMatch(e -> e.get("propertyValue").asText().equals("refunded")));
        assertThat(eventsOfType("object.creation")).extracting(e -> e.get("objectTypeId").asText())
                .containsExactlyInAnyOrder("0-123", "0-3");
    }

    @Test
    void mergeAndPrivacyDeletionAndArchiveAndRestoreSendTheirEvents() {
        long ann = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long dup = hs.admin().createContact("ann.m@example.com", "Ann", "M");
        long other = hs.admin().createContact("ben@example.com", "Ben", "B");
        hs.admin().mergeContacts(ann, dup);
        hs.admin().archive(ObjectType.CONTACTS, other);
        hs.admin().restore(ObjectType.CONTACTS, other);
        hs.admin().privacyDelete(other);
        Eventually.within(Duration.ofSeconds(5), () -> !eventsOfType("contact.privacyDeletion").isEmpty());
        JsonNode merge = eventsOfType("contact.merge").get(0);
        assertThat(merge.get("primaryObjectId").asLong()).isEqualTo(ann);
        assertThat(merge.get("mergedObjectIds").get(0).asLong()).isEqualTo(dup);
        assertThat(eventsOfType("contact.deletion")).hasSize(1);
        assertThat(eventsOfType("contact.restore")).hasSize(1);
        assertThat(eventsOfType("contact.privacyDeletion").get(0).get("objectId").asLong()).isEqualTo(other);
    }
}
