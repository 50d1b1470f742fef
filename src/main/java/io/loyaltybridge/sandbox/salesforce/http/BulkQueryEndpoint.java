package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.data.Values;
import io.loyaltybridge.sandbox.salesforce.soql.Binder;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;
import io.loyaltybridge.sandbox.salesforce.soql.Executor;
import io.loyaltybridge.sandbox.salesforce.soql.SoqlException;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bulk API 2.0 query jobs: create, poll, fetch CSV results in chunks. The locator is the Base64 of the next offset
 * (real locators look the same); {@code Sforce-Locator} is the string "null" on the last chunk.
 */
final class BulkQueryEndpoint {
    private static final int DEFAULT_CHUNK = 50_000;
    private final Peer peer;

    BulkQueryEndpoint(Peer peer) {
        this.peer = peer;
    }

    void create(ApiCall call) {
        JsonNode body;
        try {
            body = Replies.JSON.readTree(call.ctx().body().buffer().getBytes());
        } catch (IOException | RuntimeException e) {
            Replies.error(call.ctx(), 400, "InvalidJob", "Unable to parse the job definition");
            return;
        }
        String operation = body.path("operation").asText("query");
        String soql = body.path("query").asText(null);
        if (soql == null || !(operation.equals("query") || operation.equals("queryAll"))) {
            Replies.error(call.ctx(), 400, "API_ERROR", "Invalid operation or missing query");
            return;
        }
        try {
            BoundQuery q = Binder.compile(peer.org.schemas(), soql);
            if (q.hasChildColumns()) {
                Replies.error(call.ctx(), 400, "API_ERROR", "FeatureNotEnabled : Nested queries are not supported");
                return;
            }
            BulkJobs.Job job = peer.org.read(() -> peer.bulkJobs.create(operation, soql, q,
                    Executor.run(peer.org, q, operation.equals("queryAll")), peer.options.clock().millis()));
            Replies.json(call.ctx(), 200, info(job, call.apiVersion()));
        } catch (SoqlException e) {
            Replies.error(call.ctx(), 400, "API_ERROR", e.errorCode() + ": " + e.getMessage());
        }
    }

    void get(ApiCall call, String id) {
        BulkJobs.Job job = peer.bulkJobs.get(id);
        if (job == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        job.poll();
        Map<String, Object> info = info(job, call.apiVersion());
        info.put("numberRecordsProcessed", job.state.equals("JobComplete") ? job.rows.size() : 0);
        info.put("retries", 0);
        info.put("totalProcessingTime", 42);
        Replies.json(call.ctx(), 200, info);
    }

    void abort(ApiCall call, String id) {
        BulkJobs.Job job = peer.bulkJobs.get(id);
        if (job == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        job.state = "Aborted";
        Replies.json(call.ctx(), 200, info(job, call.apiVersion()));
    }

    void delete(ApiCall call, String id) {
        peer.bulkJobs.delete(id);
        call.ctx().response().setStatusCode(204).end();
    }

    void results(ApiCall call, String id) {
        BulkJobs.Job job = peer.bulkJobs.get(id);
        if (job == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        if (!job.state.equals("JobComplete")) {
            Replies.error(call.ctx(), 400, "API_ERROR", "Job is not complete. Current state: " + job.state);
            return;
        }
        int offset = offset(call.ctx().request().getParam("locator"));
        int max = parse(call.ctx().request().getParam("maxRecords"), DEFAULT_CHUNK);
        if (offset < 0 || offset > job.rows.size() || max <= 0) {
            Replies.error(call.ctx(), 400, "InvalidLocator", "Invalid locator or maxRecords");
            return;
        }
        int end = Math.min(job.rows.size(), offset + max);
        String csv = peer.org.read(() -> Csv.write(job.query, job.rows.subList(offset, end)));
        String next = end < job.rows.size() ? Base64.getEncoder().withoutPadding()
                .encodeToString(Integer.toString(end).getBytes(StandardCharsets.US_ASCII)) : "null";
        call.ctx().response().putHeader("Sforce-Locator", next)
                .putHeader("Sforce-NumberOfRecords", Integer.toString(end - offset));
        Replies.send(call.ctx(), 200, "text/csv", Buffer.buffer(csv));
    }

    private Map<String, Object> info(BulkJobs.Job job, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id);
        m.put("operation", job.operation);
        m.put("object", job.query.type().name());
        m.put("createdById", peer.userId);
        m.put("createdDate", Values.formatDateTime(job.createdDate));
        m.put("systemModstamp", Values.formatDateTime(job.createdDate));
        m.put("state", job.state);
        m.put("concurrencyMode", "Parallel");
        m.put("contentType", "CSV");
        m.put("apiVersion", Double.valueOf(version));
        m.put("lineEnding", "LF");
        m.put("columnDelimiter", "COMMA");
        return m;
    }

    private static int offset(String locator) {
        if (locator == null || locator.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
