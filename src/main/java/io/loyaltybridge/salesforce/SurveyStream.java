package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgSyncNotes;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.FeedbackSink;
import io.loyaltybridge.sync.InboundFeedback;
import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.sync.SourceCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * The survey answers stream, run by the route salesforce-feedback: the SurveyResponses whose SystemModstamp is at or
 * after the stream's cursor minus the lookback, oldest first (one query, paged by nextRecordsUrl), taken a batch at
 * a time: one query for the batch's question responses (ResponseId IN ...), one write into the feedback store with
 * the batch's cursor. What is read twice is skipped by the store (same SystemModstamp). An org without Feedback
 * Management (global describe lists no SurveyResponse, learnt once per start) turns the stream off with a note on
 * its row in /api/sync/status: not an error, and not asked again until a restart.
 */
public final class SurveyStream {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyStream.class);
    static final String NO_SURVEYS = "off: this org has no Feedback Management objects (global describe lists no"
            + " SurveyResponse / SurveyQuestionResponse), so no survey answers are read from Salesforce";

    private final boolean enabled;
    private final SalesforceApi api;
    private final FeedbackSink sink;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final PgSyncNotes notes;
    private final Duration lookback;
    private final int batchSize;
    private final Lock ingestLock;
    /** Whether the org has the survey objects; null until learnt. */
    private volatile Boolean orgHasSurveys;
    private long calls;

    SurveyStream(boolean enabled, SalesforceApi api, FeedbackSink sink, Transactions tx, PgSyncSources sources,
                 Duration lookback, int batchSize, Lock ingestLock) {
        this.enabled = enabled;
        this.api = api;
        this.sink = sink;
        this.tx = tx;
        this.sources = sources;
        this.notes = new PgSyncNotes(tx);
        this.lookback = lookback;
        this.batchSize = batchSize;
        this.ingestLock = ingestLock;
    }

    /** One read; never throws, so the schedule keeps running. */
    public void cycle() {
        if (!enabled || Boolean.FALSE.equals(orgHasSurveys)) {
            return;
        }
        calls = 0;
        try {
            if (orgHasSurveys == null && !learnShape()) {
                return;
            }
            boolean first = !tx.read(() -> sources.get(ContactRecords.SYSTEM, SurveyRecords.RESPONSE))
                    .map(PgSyncSources.Source::backfillDone).orElse(false);
            read();
            record(null, first);
        } catch (RuntimeException e) {
            LOG.warn("Salesforce survey responses not read ({}): {}", SalesforceErrors.classify(e),
                    LogSafe.describe(e));
            LOG.debug("Salesforce survey responses failure in full", e);
            record(Stops.reason(e), false);
        }
    }

    /** One global describe: answers whether the org has the objects, noting on the stream's row when it has not. */
    private boolean learnShape() {
        JsonNode global = call(api::describeGlobal);
        List<String> names = new ArrayList<>();
        global.path("sobjects").forEach(o -> names.add(o.path("name").asText()));
        boolean has = names.contains(SurveyRecords.RESPONSE) && names.contains("SurveyQuestionResponse");
        orgHasSurveys = has;
        tx.inTransaction(() -> {
            if (has) {
                notes.clear(ContactRecords.SYSTEM, SurveyRecords.RESPONSE);
            } else {
                notes.note(ContactRecords.SYSTEM, SurveyRecords.RESPONSE, NO_SURVEYS);
                sources.checked(ContactRecords.SYSTEM, SurveyRecords.RESPONSE);
                sources.reads(ContactRecords.SYSTEM, SurveyRecords.RESPONSE, calls);
            }
            return null;
        });
        if (!has) {
            LOG.info("Salesforce survey answers {}", NO_SURVEYS);
        }
        return has;
    }

    private void read() {
        Instant watermark = tx.read(() -> sources.get(ContactRecords.SYSTEM, SurveyRecords.RESPONSE))
                .map(PgSyncSources.Source::watermark).orElse(null);
        String where = watermark == null ? "" : " WHERE SystemModstamp >= " + Values.soql(watermark.minus(lookback));
        JsonNode page = call(() -> api.query(SurveyRecords.RESPONSES + where + " ORDER BY SystemModstamp, Id",
                false));
        while (true) {
            List<JsonNode> records = new ArrayList<>();
            page.path("records").forEach(records::add);
            for (int from = 0; from < records.size(); from += batchSize) {
                batch(records.subList(from, Math.min(records.size(), from + batchSize)));
            }
            if (page.path("done").asBoolean(true)) {
                return;
            }
            String next = page.path("nextRecordsUrl").asText();
            page = call(() -> api.queryMore(next));
        }
    }

    /** One batch: its question responses in one query (more pages only past 2 000 answers), then one write. */
    private void batch(List<JsonNode> responses) {
        List<String> ids = responses.stream().map(r -> r.path("Id").asText()).toList();
        List<JsonNode> answers = new ArrayList<>();
        JsonNode page = call(() -> api.query(SurveyRecords.ANSWERS + " WHERE ResponseId IN (" + Soql.idList(ids)
                + ")", false));
        page.path("records").forEach(answers::add);
        while (!page.path("done").asBoolean(true)) {
            String next = page.path("nextRecordsUrl").asText();
            page = call(() -> api.queryMore(next));
            page.path("records").forEach(answers::add);
        }
        Map<String, List<JsonNode>> byResponse = SurveyRecords.byResponse(answers);
        List<InboundFeedback> batch = responses.stream().map(r -> SurveyRecords.answer(r,
                byResponse.getOrDefault(r.path("Id").asText(), List.of()))).filter(Objects::nonNull).toList();
        Instant last = Values.instant(responses.get(responses.size() - 1).path("SystemModstamp").asText(null));
        SourceCursor cursor = new SourceCursor(ContactRecords.SYSTEM, SurveyRecords.RESPONSE, last);
        ingestLock.lock();
        try {
            sink.apply(batch, cursor);
        } finally {
            ingestLock.unlock();
        }
    }

    private void record(String failure, boolean firstRead) {
        long made = calls;
        tx.inTransaction(() -> {
            if (made > 0) {
                sources.reads(ContactRecords.SYSTEM, SurveyRecords.RESPONSE, made);
            }
            if (failure != null) {
                sources.failed(ContactRecords.SYSTEM, SurveyRecords.RESPONSE, failure);
            } else {
                sources.checked(ContactRecords.SYSTEM, SurveyRecords.RESPONSE);
                if (firstRead) {
                    sources.backfillDone(ContactRecords.SYSTEM, SurveyRecords.RESPONSE);
                }
            }
            return null;
        });
    }

    private JsonNode call(java.util.function.Supplier<JsonNode> request) {
        calls++;
        return request.get();
    }
}
