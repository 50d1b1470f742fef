package io.loyaltybridge.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.domain.program.earning.MemberContext;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The earn context and per-campaign points of an order, as the jsonb columns hold them. */
final class EarnContextJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EarnContextJson() {
    }

    static Sql.Json write(MemberContext context) {
        var node = MAPPER.createObjectNode().put("tier", context.tier());
        context.segments().forEach(node.putArray("segments")::add);
        // What other orders had given each campaign when this order was first settled: the room its caps left.
        var before = node.putObject("campaignsBefore");
        context.campaignPointsGranted().forEach(before::put);
        return new Sql.Json(node.toString());
    }

    static Sql.Json write(Map<String, Long> campaigns) {
        try {
            return new Sql.Json(MAPPER.writeValueAsString(campaigns));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MemberContext context(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = read(json);
        Set<String> segments = new LinkedHashSet<>();
        node.path("segments").forEach(s -> segments.add(s.asText()));
        Map<String, Long> before = new java.util.HashMap<>();
        node.path("campaignsBefore").fields().forEachRemaining(e -> before.put(e.getKey(), e.getValue().asLong()));
        return new MemberContext(node.path("tier").isNull() ? null : node.path("tier").asText(null), segments,
                before);
    }

    static Map<String, Long> campaigns(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, new TypeReference<Map<String, Long>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("orders.earn_campaigns holds invalid JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("orders.earn_context holds invalid JSON", e);
        }
    }
}
