package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.data.FieldError;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /sobjects/{type}/{externalIdField}/{value}}: upsert by external id, as Salesforce answers it since API
 * 46.0: no record with that value creates one ({@code 201 {id, success, errors, created: true}}), one record is
 * updated ({@code 200 ... created: false}), several are a {@code 300} listing their URLs and nothing is written. The
 * lookup and the write happen under one write lock, so two concurrent upserts of one value never create two records.
 */
final class UpsertEndpoint {
    private final Peer peer;

    UpsertEndpoint(Peer peer) {
        this.peer = peer;
    }

    void upsert(ApiCall call, String typeName, String fieldName, String value) {
        SObjectType type = peer.org.schemas().get(typeName);
        if (type == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        int field = type.indexOf(fieldName);
        if (field < 0 || !peer.org.schemas().isExternalId(type, type.field(field).name())) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "Provided external ID field does not exist or is not"
                    + " accessible: " + fieldName);
            return;
        }
        Map<String, Object> fields = Replies.objectFields(call.ctx());
        if (fields == null) {
            return;
        }
        String externalField = type.field(field).name();
        try {
            if (fields.containsKey("Id")) {
                throw new FieldError("INVALID_FIELD", "cannot specify Id in an upsert call", List.of("Id"));
            }
            Object[] outcome = peer.org.write(call.changeOrigin(), tx -> {
                List<SRecord> matches = new ArrayList<>();
                for (SRecord r : peer.org.records(type)) {
                    if (!r.isDeleted() && value.equalsIgnoreCase(String.valueOf(r.get(field)))) {
                        matches.add(r);
                    }
                }
                if (matches.size() > 1) {
                    return new Object[] {matches, null};
                }
                if (matches.isEmpty()) {
                    Map<String, Object> create = new LinkedHashMap<>(fields);
                    create.put(externalField, value);
                    return new Object[] {peer.org.writer().insert(tx, type, create), Boolean.TRUE};
                }
                peer.org.writer().update(tx, matches.get(0), fields);
                return new Object[] {matches.get(0), Boolean.FALSE};
            });
            if (outcome[1] == null) {
                List<String> urls = new ArrayList<>();
                for (Object r : (List<?>) outcome[0]) {
                    urls.add("/services/data/v" + call.apiVersion() + "/sobjects/" + type.name() + "/"
                            + ((SRecord) r).id());
                }
                Replies.json(call.ctx(), 300, urls);
                return;
            }
            boolean created = (Boolean) outcome[1];
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", ((SRecord) outcome[0]).id());
            answer.put("success", true);
            answer.put("errors", List.of());
            answer.put("created", created);
            Replies.json(call.ctx(), created ? 201 : 200, answer);
        } catch (FieldError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", e.getMessage());
            error.put("errorCode", e.statusCode());
            error.put("fields", e.fields());
            Replies.json(call.ctx(), 400, List.of(error));
        }
    }
}
