package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.data.FieldError;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sObject Collections: {@code PATCH} (update) and {@code POST} (create) of up to 200 records in one call, with a
 * result per record. Every record is checked first; with {@code allOrNone} one failure rolls back all of them,
 * without it the good ones are written in one transaction (and so share a SystemModstamp).
 */
final class CompositeEndpoint {
    static final int MAX_RECORDS = 200;
    private final Peer peer;

    CompositeEndpoint(Peer peer) {
        this.peer = peer;
    }

    void save(ApiCall call, boolean create) {
        JsonNode body;
        try {
            body = Replies.JSON.readTree(call.ctx().body().buffer().getBytes());
        } catch (IOException | RuntimeException e) {
            Replies.error(call.ctx(), 400, "JSON_PARSER_ERROR", "Unexpected character in request body");
            return;
        }
        JsonNode records = body == null ? null : body.get("records");
        if (records == null || !records.isArray()) {
            Replies.error(call.ctx(), 400, "INVALID_FIELD", "records: required field missing");
            return;
        }
        if (records.size() > MAX_RECORDS) {
            Replies.error(call.ctx(), 400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
            return;
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        List<SaveResult> results = peer.org.write(call.changeOrigin(), tx -> {
            List<Prepared> prepared = new ArrayList<>();
            for (JsonNode r : records) {
                prepared.add(prepare(r, create));
            }
            boolean anyFailed = prepared.stream().anyMatch(p -> p.error != null);
            List<SaveResult> out = new ArrayList<>();
            for (Prepared p : prepared) {
                if (p.error != null) {
                    out.add(SaveResult.failed(p.error));
                } else if (allOrNone && anyFailed) {
                    out.add(SaveResult.failed(new FieldError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                            "Record rolled back because not all records were valid and the request was using"
                                    + " AllOrNone header", List.of())));
                } else if (create) {
                    out.add(SaveResult.ok(peer.org.writer().insert(tx, p.type, p.fields).id()));
                } else {
                    boolean changed = peer.org.writer().update(tx, p.record, p.fields);
                    peer.calls.increment("record.update"); // records written, as tests count double pushes
                    if (!changed) {
                        // The same values written again: what a change pushed twice looks like from here.
                        peer.calls.increment("record.update.unchanged");
                    }
                    out.add(SaveResult.ok(p.record.id()));
                }
            }
            return out;
        });
        peer.calls.increment(create ? "composite.create.records" : "composite.update.records");
        Replies.json(call.ctx(), 200, results);
    }

    private Prepared prepare(JsonNode node, boolean create) {
        Prepared p = new Prepared();
        try {
            String typeName = node.path("attributes").path("type").asText(null);
            p.type = typeName == null ? null : peer.org.schemas().get(typeName);
            if (p.type == null) {
                throw new FieldError("INVALID_TYPE", typeName == null ? "No SObject Type defined in the record"
                        : "sObject type '" + typeName + "' is not supported.", List.of());
            }
            p.type.checkApiWrite(create ? "inserted" : "updated");
            p.fields = fields(node);
            Object id = p.fields.remove("Id");
            if (create) {
                if (id != null) {
                    throw new FieldError("INVALID_FIELD", "cannot specify Id in an insert call", List.of("Id"));
                }
                peer.org.writer().checkInsert(p.type, p.fields);
            } else {
                p.record = target(p.type, id);
                peer.org.writer().checkUpdate(p.record, p.fields);
            }
        } catch (FieldError e) {
            p.error = e;
        }
        return p;
    }

    private SRecord target(SObjectType type, Object id) {
        if (!(id instanceof String s)) {
            throw new FieldError("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
        }
        SRecord r = peer.org.find(s);
        if (r == null && peer.org.schemas().byId(s) == null || io.loyaltybridge.sandbox.salesforce.data.Ids
                .normalize(s) == null) {
            throw new FieldError("MALFORMED_ID", "Id: id value of incorrect type: " + s, List.of("Id"));
        }
        if (r == null || r.type() != type) {
            throw new FieldError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
        }
        return r;
    }

    /** The record's fields as plain Java values; {@code attributes} is metadata, not a field. */
    static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            JsonNode v = e.getValue();
            String key = e.getKey().equalsIgnoreCase("id") ? "Id" : e.getKey();
            out.put(key, v.isNull() ? null : v.isTextual() ? v.asText() : v.isNumber() ? v.numberValue()
                    : v.isBoolean() ? v.booleanValue() : v.toString());
        }
        return out;
    }

    private static final class Prepared {
        SObjectType type;
        SRecord record;
        Map<String, Object> fields;
        FieldError error;
    }

    /** One entry of the answer: {@code {"id":..,"success":..,"errors":[{"statusCode","message","fields"}]}}. */
    record SaveResult(String id, boolean success, List<ErrorEntry> errors) {
        static SaveResult ok(String id) {
            return new SaveResult(id, true, List.of());
        }

        static SaveResult failed(FieldError e) {
            return new SaveResult(null, false, List.of(new ErrorEntry(e.statusCode(), e.getMessage(), e.fields())));
        }
    }

    record ErrorEntry(String statusCode, String message, List<String> fields) {
    }
}
