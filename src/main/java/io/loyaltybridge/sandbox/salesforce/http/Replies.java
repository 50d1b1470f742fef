package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Answers in Salesforce's shapes: JSON bodies, and errors as {@code [{"message":..,"errorCode":..}]}. */
public final class Replies {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        try {
            send(ctx, status, "application/json;charset=UTF-8", Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(RoutingContext ctx, int status, String contentType, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }

    /**
     * The request body's fields when it is one JSON object; otherwise answers 400 JSON_PARSER_ERROR as Salesforce does
     * and returns null (the caller stops).
     */
    public static java.util.Map<String, Object> objectFields(RoutingContext ctx) {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = JSON.readTree(ctx.body().buffer().getBytes());
        } catch (java.io.IOException | RuntimeException e) {
            error(ctx, 400, "JSON_PARSER_ERROR", "Unexpected character in request body");
            return null;
        }
        if (body == null || !body.isObject()) {
            error(ctx, 400, "JSON_PARSER_ERROR", "The request body must be a JSON object");
            return null;
        }
        return CompositeEndpoint.fields(body);
    }

    public static void error(RoutingContext ctx, int status, String errorCode, String message) {
        json(ctx, status, List.of(new ErrorBody(message, errorCode)));
    }

    /** OAuth endpoints answer {@code {"error":..,"error_description":..}} instead. */
    public static void oauthError(RoutingContext ctx, int status, String error, String description) {
        json(ctx, status, new OAuthErrorBody(error, description));
    }

    /** Records keep Salesforce's key order in the JSON. */
    record ErrorBody(String message, String errorCode) {
    }

    record OAuthErrorBody(String error, @com.fasterxml.jackson.annotation.JsonProperty("error_description")
                          String errorDescription) {
    }
}
