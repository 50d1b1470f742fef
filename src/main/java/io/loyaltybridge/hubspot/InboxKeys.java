package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.store.PgWebhookInbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the inbox stores of a well-formed HubSpot event: its de-duplication key, the record it is about (events of
 * one record are applied in arrival order) and whether it is a privacy deletion.
 *
 * <p>The key is HubSpot's {@code eventId} (with the portal, as ids are only HubSpot's per app and account). An event
 * without one is keyed by a hash of its canonical content (fields sorted, {@code attemptNumber} left out, since
 * HubSpot's retry of the same event only counts up that field); giving them all one shared id, as before, took the
 * first such event and dropped every later one as a repeat.
 */
final class InboxKeys {
    static final String ERASURE = "contact.privacyDeletion";

    private InboxKeys() {
    }

    static PgWebhookInbox.Incoming incoming(JsonNode event) {
        return new PgWebhookInbox.Incoming(eventKey(event), objectKey(event),
                ERASURE.equals(event.path("subscriptionType").asText()), event.toString());
    }

    static String eventKey(JsonNode event) {
        JsonNode id = event.path("eventId");
        if ((id.isIntegralNumber() && id.canConvertToLong()) || (id.isTextual() && id.asText().matches("[0-9]{1,19}"))) {
            String portal = event.path("portalId").isValueNode() ? event.path("portalId").asText() : "";
            return "event:" + id.asText() + (portal.matches("[0-9]{1,19}") ? "@" + portal : "");
        }
        return "content:" + sha256(canonical(event, true));
    }

    /** The record: contact, custom/commerce object of a type, or deal, with its id. */
    static String objectKey(JsonNode event) {
        String type = event.path("subscriptionType").asText();
        String kind = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        String objectType = kind.equals("object") ? event.path("objectTypeId").asText("") + ":" : "";
        return kind + ":" + objectType + event.path("objectId").asText();
    }

    /** The same JSON whatever the order of its fields; {@code attemptNumber} dropped at the top. */
    private static String canonical(JsonNode node, boolean top) {
        try {
            return HubSpotClient.JSON.writeValueAsString(sorted(node, top));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node, boolean top) {
        if (node.isObject()) {
            ObjectNode out = HubSpotClient.JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                if (!(top && name.equals("attemptNumber"))) {
                    out.set(name, sorted(node.get(name), false));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = HubSpotClient.JSON.createArrayNode();
            node.forEach(item -> out.add(sorted(item, false)));
            return out;
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
