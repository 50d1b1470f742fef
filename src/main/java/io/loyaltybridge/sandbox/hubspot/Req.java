package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the parts of a request the handlers share: object type, ids, body, property maps. */
final class Req {
    private Req() {
    }

    static ObjectType type(RoutingContext ctx, String param) {
        String raw = ctx.pathParam(param);
        return ObjectType.fromPath(raw).orElseThrow(() ->
                ApiError.validation("Unable to infer object type from: " + raw).with("objectType", raw));
    }

    /** HubSpot answers a non-numeric id with the same 404 as a missing one. */
    static long id(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", String.valueOf(raw));
        }
    }

    static JsonNode body(RoutingContext ctx) {
        return Json.parse(ctx.body().asString());
    }

    static Change.Source source(RoutingContext ctx) {
        return ctx.get("source");
    }

    static Map<String, String> properties(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            props.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode arr = node.get(field);
        if (arr != null && arr.isArray()) {
            arr.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** The inputs of a batch call; more than 100 is a 400 for the whole call, as at HubSpot. */
    static List<JsonNode> inputs(JsonNode body) {
        JsonNode arr = Json.required(body, "inputs");
        if (!arr.isArray()) {
            throw ApiError.validation("Invalid input JSON: 'inputs' must be an array");
        }
        if (arr.size() > 100) {
            throw ApiError.validation("Batch input size of " + arr.size() + " exceeds the limit of 100 inputs")
                    .with("maxInputs", "100");
        }
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }
}
