package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact of each order or deal, through associations v4 batch read (100 ids a call). A record linked to
 * several contacts counts for the first; one linked to none maps to nothing (its order then fails as incomplete).
 */
final class Associations {
    private static final int BATCH = 100;
    private final HubSpotClient client;

    Associations(HubSpotClient client) {
        this.client = client;
    }

    Map<String, String> contactsOf(String objectType, List<String> ids) {
        Map<String, String> contactOf = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            ObjectNode body = HubSpotClient.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            JsonNode answer = client.post("/crm/v4/associations/" + objectType + "/contacts/batch/read", body)
                    .orThrow().json();
            for (JsonNode result : answer.path("results")) {
                JsonNode first = result.path("to").path(0);
                if (!first.isMissingNode()) {
                    contactOf.put(result.path("from").path("id").asText(), first.path("toObjectId").asText());
                }
            }
        }
        return contactOf;
    }
}
