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
        Map<String, Object> fields = Replies.objectFields(call.ctx());
        if (fields == null) {
            return;
        }
        var type = peer.org.schemas().get(typeName);
        if (type == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        try {
            type.checkApiWrite("inserted");
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

    /**
     * {@code PATCH /sobjects/{type}/{id}}: updates one record, answering 204 without a body; 404 NOT_FOUND for no
     * such record, 404 ENTITY_IS_DELETED for a deleted one, 400 with the field error for a bad value.
     */
    void update(ApiCall call, String typeName, String id) {
        Map<String, Object> fields = Replies.objectFields(call.ctx());
        if (fields == null) {
            return;
        }
        fields.remove("Id");
        writeOne(call, typeName, id, (tx, r) -> {
            r.type().checkApiWrite("updated");
            peer.org.writer().update(tx, r, fields);
        });
    }

    /** {@code DELETE /sobjects/{type}/{id}}: to the recycle bin (queryAll still finds it), 204 without a body. */
    void delete(ApiCall call, String typeName, String id) {
        writeOne(call, typeName, id, (tx, r) -> {
            r.type().checkApiWrite("deleted");
            peer.org.writer().delete(tx, r);
        });
    }

    private void writeOne(ApiCall call, String typeName, String id,
                          java.util.function.BiConsumer<io.loyaltybridge.sandbox.salesforce.data.Tx, SRecord> write) {
        SRecord r = peer.org.read(() -> peer.org.find(id));
        if (r == null || !r.type().name().equalsIgnoreCase(typeName) || r.type().name().endsWith("__e")) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        try {
            peer.org.write(call.changeOrigin(), tx -> {
                if (r.isDeleted()) {
                    throw new FieldError("ENTITY_IS_DELETED", "entity is deleted", List.of());
                }
                write.accept(tx, r);
                return null;
            });
            call.ctx().response().setStatusCode(204).end();
        } catch (FieldError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", e.getMessage());
            error.put("errorCode", e.statusCode());
            error.put("fields", e.fields());
            Replies.json(call.ctx(), e.statusCode().equals("ENTITY_IS_DELETED") ? 404 : 400, List.of(error));
        }
    }

    /**
     * {@code GET /services/data}: every API version the org still serves, up to the sandbox's, labelled with its
     * release as Salesforce does (20.0 was Winter '11, then Spring, Summer and Winter each year; 62.0 is
     * Winter '25). Versions 21.0 to 30.0 were retired in Summer '25, so the list starts at 31.0.
     */
    void versions(ApiCall call) {
        int newest = (int) Double.parseDouble(peer.options.apiVersion());
        List<Map<String, Object>> versions = new java.util.ArrayList<>();
        for (int v = 31; v <= newest; v++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", release(v));
            one.put("url", "/services/data/v" + v + ".0");
            one.put("version", v + ".0");
            versions.add(one);
        }
        Replies.json(call.ctx(), 200, versions);
    }

    static String release(int version) {
        String season = new String[] {"Winter", "Spring", "Summer"}[(version - 20) % 3];
        return season + " '" + String.format("%02d", 11 + (version - 20) / 3);
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
