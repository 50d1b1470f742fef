package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgWebhookInbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The events of one delivery worth storing in the inbox. Applying an event means reading its record again, so of
 * the plain changes of one record in one delivery (a creation and a property change per property set, as HubSpot
 * sends for an order made in its UI) one is kept: the others would ask for the same read. A record whose events in
 * the delivery include anything else (a deletion, a restore, a merge, a privacy deletion) keeps all of them, in
 * order. Events whose application changes nothing ({@code changesNothing}: our own writes coming back, object types
 * we do not sync) are not stored, nor are events HubSpot could not have sent.
 */
final class WebhookDelivery {
    final List<PgWebhookInbox.Incoming> stored = new ArrayList<>();
    int misshapen;
    /** Records the stored events touch. */
    int records;

    static WebhookDelivery of(JsonNode events, Predicate<JsonNode> changesNothing) {
        WebhookDelivery delivery = new WebhookDelivery();
        Map<String, List<JsonNode>> byRecord = new LinkedHashMap<>();
        for (JsonNode e : events) {
            if (!WebhookEvents.wellFormed(e)) {
                delivery.misshapen++;
            } else if (!changesNothing.test(e)) {
                byRecord.computeIfAbsent(InboxKeys.objectKey(e), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<JsonNode> ofRecord : byRecord.values()) {
            if (ofRecord.stream().allMatch(WebhookDelivery::plainChange)) {
                delivery.stored.add(InboxKeys.incoming(ofRecord.get(0)));
            } else {
                ofRecord.forEach(e -> delivery.stored.add(InboxKeys.incoming(e)));
            }
        }
        delivery.records = byRecord.size();
        return delivery;
    }

    /** A creation or a property change: all it asks for is that the record be read again. */
    private static boolean plainChange(JsonNode e) {
        String type = e.path("subscriptionType").asText();
        return type.endsWith(".creation") || type.endsWith(".propertyChange");
    }
}
