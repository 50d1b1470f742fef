package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links between records through associations v4 batch read (100 ids a call): the contact of each order or deal
 * (a record linked to several contacts counts for the first; one linked to none maps to nothing, and its order then
 * fails as incomplete), and the line items of each. A 207 names the ids without links; they simply have none.
 */
final class Associations {
    private static final int BATCH = 100;
    private final HubSpotClient client;

    Associations(HubSpotClient client) {
        this.client = client;
    }

    Map<String, String> contactsOf(String objectType, List<String> ids) {
        Map<String, String> contactOf = new HashMap<>();
        linked(objectType, "contacts", ids).forEach((from, to) -> contactOf.put(from, to.get(0)));
        return contactOf;
    }

    /** The ids of {@code toType} records linked to each of {@code ids} (absent: none). */
    Map<String, List<String>> linked(String fromType, String toType, List<String> ids) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            ObjectNode body = HubSpotClient.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            JsonNode answer = client.post("/crm/v4/associations/" + fromType + "/" + toType + "/batch/read", body)
                    .orThrow().json();
            for (JsonNode result : answer.path("results")) {
                List<String> to = new ArrayList<>();
                result.path("to").forEach(t -> to.add(t.path("toObjectId").asText()));
                if (!to.isEmpty()) {
                    links.computeIfAbsent(result.path("from").path("id").asText(), k -> new ArrayList<>())
                            .addAll(to);
                }
            }
        }
        return links;
    }
}
