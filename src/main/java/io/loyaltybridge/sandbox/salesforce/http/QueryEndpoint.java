package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.soql.Binder;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;
import io.loyaltybridge.sandbox.salesforce.soql.Executor;
import io.loyaltybridge.sandbox.salesforce.soql.SoqlException;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code query/?q=}, {@code queryAll/?q=} and the {@code nextRecordsUrl} pages: 2 000 records a page unless the
 * caller asks for a smaller batch with {@code Sforce-Query-Options: batchSize=N} (200 to 2 000). A child
 * subquery answers its first rows inside each parent record and the rest behind its own {@code nextRecordsUrl},
 * read with the same queryMore call; under queryAll it includes deleted child rows ({@code IsDeleted} true), as
 * Salesforce does.
 */
final class QueryEndpoint {
    private static final int PAGE = 2000;
    private final Peer peer;

    QueryEndpoint(Peer peer) {
        this.peer = peer;
    }

    void query(ApiCall call, boolean all) {
        String soql = call.ctx().request().getParam("q");
        if (soql == null || soql.isBlank()) {
            Replies.error(call.ctx(), 400, "MALFORMED_QUERY", "A query string has to be specified");
            return;
        }
        try {
            BoundQuery q = Binder.compile(peer.org.schemas(), soql);
            // Also by object ("query SurveyResponse"), so a test can count a reader's calls per batch.
            peer.calls.increment((all ? "queryAll " : "query ") + q.type().name());
            peer.org.read(() -> {
                List<SRecord> rows = Executor.run(peer.org, q, all);
                if (q.count()) {
                    java.util.Map<String, Object> counted = new java.util.LinkedHashMap<>();
                    counted.put("totalSize", rows.size());
                    counted.put("done", true);
                    counted.put("records", List.of());
                    Replies.json(call.ctx(), 200, counted);
                    return null;
                }
                sendPage(call, q, rows, 0, batchSize(call), null, all);
                return null;
            });
        } catch (SoqlException e) {
            Replies.error(call.ctx(), e.errorCode().equals("NOT_SERVED_BY_SANDBOX") ? 501 : 400, e.errorCode(),
                    e.getMessage());
        }
    }

    void more(ApiCall call, String locator) {
        int dash = locator.lastIndexOf('-');
        QueryCursors.Cursor cursor = dash < 0 ? null : peer.cursors.get(locator.substring(0, dash));
        int offset = dash < 0 ? -1 : parse(locator.substring(dash + 1));
        if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
            Replies.error(call.ctx(), 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
            return;
        }
        peer.org.read(() -> {
            sendPage(call, cursor.query(), cursor.rows(), offset, cursor.batchSize(), locator.substring(0, dash),
                    cursor.all());
            return null;
        });
    }

    private void sendPage(ApiCall call, BoundQuery q, List<SRecord> rows, int offset, int batch, String cursorId,
                          boolean all) {
        int end = Math.min(rows.size(), offset + batch);
        boolean done = end >= rows.size();
        String id = cursorId;
        if (!done && id == null) {
            id = peer.cursors.open(q, rows, batch, all);
        } else if (done && id != null) {
            peer.cursors.close(id);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (end - offset) * 200);
        RecordJson json = new RecordJson(call.apiVersion(), all, peer.options.childPageSize(), peer.cursors);
        try (JsonGenerator g = Replies.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("totalSize", rows.size());
            g.writeBooleanField("done", done);
            if (!done) {
                g.writeStringField("nextRecordsUrl", "/services/data/v" + call.apiVersion() + "/query/" + id + "-"
                        + end);
            }
            g.writeArrayFieldStart("records");
            for (int i = offset; i < end; i++) {
                json.write(g, rows.get(i), q);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Replies.send(call.ctx(), 200, "application/json;charset=UTF-8", Buffer.buffer(out.toByteArray()));
    }

    private static int batchSize(ApiCall call) {
        String options = call.ctx().request().getHeader("Sforce-Query-Options");
        if (options != null && options.trim().startsWith("batchSize=")) {
            int n = parse(options.trim().substring("batchSize=".length()));
            if (n >= 200) {
                return Math.min(n, PAGE);
            }
        }
        return PAGE;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
