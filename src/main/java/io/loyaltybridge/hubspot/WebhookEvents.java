package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sync.FieldMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One delivery's events sorted into what to do, whatever order they came in: contacts to read again (their
 * current state is the truth, so order does not matter), contacts gone (deleted, merged away) with when,
 * primary contacts of merges, privacy deletions, and orders to read again. Changes our own app made to our own
 * properties are dropped here (echo suppression).
 */
final class WebhookEvents {
    final Set<String> reread = new LinkedHashSet<>();
    final Map<String, Instant> gone = new LinkedHashMap<>();
    final Set<String> erase = new LinkedHashSet<>();
    final Set<String> orders = new LinkedHashSet<>();
    final Set<String> deletedOrders = new LinkedHashSet<>();
    int echoes;
    int misshapen;

    static WebhookEvents sort(List<JsonNode> events, FieldMap fields, String appId, String orderTypeId) {
        WebhookEvents out = new WebhookEvents();
        List<JsonNode> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong((JsonNode e) -> e.path("occurredAt").asLong())
                .thenComparingLong(e -> e.path("eventId").asLong()));
        for (JsonNode e : ordered) {
            if (wellFormed(e)) {
                out.take(e, fields, appId, orderTypeId);
            } else {
                out.misshapen++;
            }
        }
        out.reread.removeAll(out.erase);
        out.gone.keySet().removeAll(out.erase);
        return out;
    }

    /**
     * An event HubSpot could have sent: an object with a type, a time and positive numeric record ids. One that is
     * not would make the reads of the whole delivery fail (HubSpot refuses ids like "abc"), losing its good events.
     */
    static boolean wellFormed(JsonNode e) {
        if (!e.isObject() || !e.path("subscriptionType").isTextual() || !e.path("occurredAt").canConvertToLong()
                || !e.path("occurredAt").isNumber()) {
            return false;
        }
        if (!recordId(e.path("objectId"))) {
            return false;
        }
        for (JsonNode merged : e.path("mergedObjectIds")) {
            if (!recordId(merged)) {
                return false;
            }
        }
        return e.path("primaryObjectId").isMissingNode() || recordId(e.path("primaryObjectId"));
    }

    private static boolean recordId(JsonNode id) {
        return (id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0)
                || (id.isTextual() && id.asText().matches("[1-9][0-9]{0,18}"));
    }

    private void take(JsonNode e, FieldMap fields, String appId, String orderTypeId) {
        String type = e.path("subscriptionType").asText();
        String id = e.path("objectId").asText();
        Instant at = Instant.ofEpochMilli(e.path("occurredAt").asLong());
        switch (type) {
            case "contact.creation", "contact.restore" -> touched(id);
            case "contact.propertyChange" -> {
                if (isOurEcho(e, fields, appId)) {
                    echoes++;
                } else {
                    touched(id);
                }
            }
            case "contact.deletion" -> {
                reread.remove(id);
                gone.put(id, at);
            }
            case "contact.merge" -> {
                for (JsonNode merged : e.path("mergedObjectIds")) {
                    reread.remove(merged.asText());
                    gone.put(merged.asText(), at);
                }
                touched(e.path("primaryObjectId").asText(id));
            }
            case "contact.privacyDeletion" -> erase.add(id);
            default -> order(type, e, id, orderTypeId);
        }
    }

    private void touched(String id) {
        gone.remove(id);
        reread.add(id);
    }

    private void order(String type, JsonNode e, String id, String orderTypeId) {
        boolean ours = type.startsWith("object.") ? orderTypeId.equals(e.path("objectTypeId").asText())
                : type.startsWith("deal.") && orderTypeId.equals("0-3");
        if (!ours) {
            return;
        }
        if (type.endsWith(".deletion")) {
            orders.remove(id);
            deletedOrders.add(id);
        } else {
            deletedOrders.remove(id);
            orders.add(id);
        }
    }

    /**
     * An event whose application would change nothing: our own write coming back, or a change of an object type we
     * do not sync (a line item, a company...). The receiver does not store these.
     */
    static boolean changesNothing(JsonNode e, FieldMap fields, String appId, String orderTypeId) {
        String type = e.path("subscriptionType").asText();
        boolean ourOrders = type.startsWith("object.") ? orderTypeId.equals(e.path("objectTypeId").asText())
                : type.startsWith("deal.") && orderTypeId.equals("0-3");
        return (!type.startsWith("contact.") && !ourOrders) || isOurEcho(e, fields, appId);
    }

    /**
     * A change our app wrote to one of our properties: reading the contact again would change nothing. The receiver
     * drops these before storing (our push makes several per contact, more than the orders that caused it).
     */
    static boolean isOurEcho(JsonNode e, FieldMap fields, String appId) {
        if (!"contact.propertyChange".equals(e.path("subscriptionType").asText())) {
            return false;
        }
        boolean byAnApp = "INTEGRATION".equals(e.path("changeSource").asText());
        boolean byUs = appId == null || appId.equals(e.path("sourceId").asText());
        return byAnApp && byUs && fields.attributeOf(e.path("propertyName").asText()).isPresent();
    }
}
