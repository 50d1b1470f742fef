package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.core.JsonGenerator;
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
