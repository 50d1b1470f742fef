package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Writes answers: JSON bodies, empty 204s and errors in HubSpot's shape. */
final class Reply {
    private Reply() {
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=utf-8")
                .end(Buffer.buffer(Json.bytes(body)));
    }

    static void empty(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    static void error(RoutingContext ctx, ApiError e) {
        json(ctx, e.status, errorBody(e));
    }

    /** The top-level error body; {@code correlationId} is a fresh UUID as HubSpot's are. */
    static ObjectNode errorBody(ApiError e) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", e.getMessage());
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", e.category);
        if (e.subCategory != null) {
            body.put("subCategory", e.subCategory);
        }
        e.extra.forEach(body::put);
        if (!e.context.isEmpty()) {
            ObjectNode context = body.putObject("context");
            e.context.forEach((k, v) -> v.forEach(context.withArray(k)::add));
        }
        return body;
    }

    /** One entry of a batch answer's {@code errors[]} (the spec's StandardError: every field present). */
    static ObjectNode batchError(ApiError e) {
        ObjectNode err = Json.object();
        err.put("status", "error");
        err.put("category", e.category);
        err.put("message", e.getMessage());
        ObjectNode context = err.putObject("context");
        e.context.forEach((k, v) -> v.forEach(context.withArray(k)::add));
        err.putArray("errors");
        err.putObject("links");
        return err;
    }

    static String correlationId() {
        return UUID.randomUUID().toString();
    }
}
