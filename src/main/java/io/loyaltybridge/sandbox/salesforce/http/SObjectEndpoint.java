package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.loyaltybridge.sandbox.salesforce.data.FieldError;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Single-record read, the versions list and {@code /limits}: the small calls clients make around the big ones. */
final class SObjectEndpoint {
    private final Peer peer;

    SObjectEndpoint(Peer peer) {
        this.peer = peer;
    }

    void get(ApiCall call, String typeName, String id) {
        String body = peer.org.read(() -> {
            SRecord r = peer.org.find(id);
            if (r == null || r.isDeleted() || !r.type().name().equalsIgnoreCase(typeName)) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = Replies.JSON.getFactory().createGenerator(out)) {
                new RecordJson(call.apiVersion()).writeAll(g, r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        });
        if (body == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
        } else {
            Replies.send(call.ctx(), 200, "application/json;charset=UTF-8", Buffer.buffer(body));
        }
    }

    /**
     * {@code POST /sobjects/{type}}: creates one record and answers {@code 201 {id, success, errors}}, or
     * {@code 400 [{message, errorCode, fields}]}. A platform event ({@code __e}) is checked the same way but
     * published, not stored: Salesforce does not keep events as queryable records.
     */
    void create(ApiCall call, String typeName) {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = Replies.JSON.readTree(call.ctx().body().buffer().getBytes());
        } catch (IOException | RuntimeException e) {
            Replies.error(call.ctx(), 400, "JSON_PARSER_ERROR", "Unexpected character in request body");
            return;
        }
        var type = peer.org.schemas().get(typeName);
        if (type == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        if (body == null || !body.isObject()) {
            Replies.error(call.ctx(), 400, "JSON_PARSER_ERROR", "The request body must be a JSON object");
            return;
        }
        Map<String, Object> fields = CompositeEndpoint.fields(body);
        try {
            if (fields.containsKey("Id")) {
                throw new FieldError("INVALID_FIELD", "cannot specify Id in an insert call", List.of("Id"));
            }
            String id;
            if (type.name().endsWith("__e")) {
                peer.org.writer().checkInsert(type, fields);
                id = type.keyPrefix() + String.format("%015d", peer.publishedEvents.size() + 1L);
                Map<String, Object> event = new LinkedHashMap<>(fields);
                event.put("Id", id);
                event.put("EventType", type.name());
                peer.publishedEvents.add(java.util.Collections.unmodifiableMap(event));
            } else {
                id = peer.org.write(call.changeOrigin(), tx -> peer.org.writer().insert(tx, type, fields).id());
            }
            Replies.json(call.ctx(), 201, Map.of("id", id, "success", true, "errors", List.of()));
        } catch (FieldError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", e.getMessage());
            error.put("errorCode", e.statusCode());
            error.put("fields", e.fields());
            Replies.json(call.ctx(), 400, List.of(error));
        }
    }

    void versions(ApiCall call) {
        String v = peer.options.apiVersion();
        Replies.json(call.ctx(), 200, List.of(Map.of("label", "Spring '25", "url", "/services/data/v" + v,
                "version", v)));
    }

    void limits(ApiCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        long max = peer.options.apiLimit();
        long used = peer.faults.dailyLimitExhausted() ? max : peer.apiUsage.get();
        body.put("DailyApiRequests", Map.of("Max", max, "Remaining", Math.max(0, max - used)));
        body.put("DailyBulkV2QueryJobs", Map.of("Max", 10_000, "Remaining", 10_000));
        Replies.json(call.ctx(), 200, body);
    }
}
