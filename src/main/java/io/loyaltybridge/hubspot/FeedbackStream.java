package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.FeedbackSink;
import io.loyaltybridge.sync.InboundFeedback;
import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.sync.SourceCursor;
import io.loyaltybridge.sync.SyncStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * The survey answers stream, run by the route hubspot-feedback: the feedback submissions changed since the stream's
 * cursor (minus the lookback), read like contacts and orders ({@link IncrementalSearch}), each page one batch: one
 * search, one associations call for its contacts, one {@link FeedbackSink#apply} with the cursor. It has a route
 * and a sync_sources row of its own, so its failures never hold contacts and orders back. HubSpot refusing the
 * object for a missing scope (403) stops this stream alone: the reason is on its row (shown by /api/sync/status) and
 * it asks again only after loyalty.hubspot.feedback.missing-scope-retry-ms, not every cycle.
 */
public final class FeedbackStream {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStream.class);

    private final boolean enabled;
    private final IncrementalSearch search;
    private final Associations associations;
    private final FeedbackSink sink;
    private final SyncStores stores;
    private final Transactions tx;
    private final Lock ingestLock;
    private final long lookbackSeconds;
    private final Duration scopeRetry;
    private final Clock clock;
    private volatile Instant stoppedUntil;

    FeedbackStream(boolean enabled, HubSpotClient client, int batchSize, long lookbackSeconds, Duration scopeRetry,
                   FeedbackSink sink, SyncStores stores, Transactions tx, Lock ingestLock, Progress.Board progress,
                   Clock clock) {
        this.enabled = enabled;
        this.search = new IncrementalSearch(client, FeedbackMapper.OBJECT, FeedbackMapper.MODIFIED,
                FeedbackMapper.PROPERTIES, batchSize, progress);
        this.associations = new Associations(client);
        this.sink = sink;
        this.stores = stores;
        this.tx = tx;
        this.ingestLock = ingestLock;
        this.lookbackSeconds = lookbackSeconds;
        this.scopeRetry = scopeRetry;
        this.clock = clock;
    }

    /** One read; never throws, so the schedule keeps running. */
    public void cycle() {
        if (!enabled || (stoppedUntil != null && clock.instant().isBefore(stoppedUntil))) {
            return;
        }
        Optional<PgSyncSources.Source> source = tx.read(() -> stores.sources().get(ContactMapper.SYSTEM,
                FeedbackMapper.OBJECT));
        Instant since = source.map(PgSyncSources.Source::watermark).map(w -> w.minusSeconds(lookbackSeconds))
                .orElse(null);
        boolean firstSync = !source.map(PgSyncSources.Source::backfillDone).orElse(false);
        long before = HubSpotClient.sentByThisThread();
        try {
            search.readSince(since, firstSync, this::page);
            stoppedUntil = null;
            record(HubSpotClient.sentByThisThread() - before, null, firstSync);
        } catch (HubSpotException e) {
            boolean scope = e.status() == 403;
            if (scope) {
                stoppedUntil = clock.instant().plus(scopeRetry);
            }
            String reason = scope ? "stopped: HubSpot refused the survey answers (403 " + e.category()
                    + "); grant the app crm.objects.feedback_submissions.read. Asking again after "
                    + stoppedUntil : e.getMessage();
            LOG.warn("HubSpot survey answers {}", scope ? reason : "not read: " + LogSafe.describe(e));
            record(HubSpotClient.sentByThisThread() - before, reason, false);
        } catch (RuntimeException e) {
            LOG.warn("HubSpot survey answers not read: {}", LogSafe.describe(e));
            LOG.debug("HubSpot survey answers failure in full", e);
            record(HubSpotClient.sentByThisThread() - before, e.getMessage(), false);
        }
    }

    /** The stream's row: its calls, and either that it was read (whole, the first time) or why it was not. */
    private void record(long calls, String failure, boolean firstSync) {
        tx.inTransaction(() -> {
            if (calls > 0) {
                stores.sources().reads(ContactMapper.SYSTEM, FeedbackMapper.OBJECT, calls);
            }
            if (failure != null) {
                stores.sources().failed(ContactMapper.SYSTEM, FeedbackMapper.OBJECT, failure);
            } else {
                stores.sources().checked(ContactMapper.SYSTEM, FeedbackMapper.OBJECT);
                if (firstSync) {
                    stores.sources().backfillDone(ContactMapper.SYSTEM, FeedbackMapper.OBJECT);
                }
            }
            return null;
        });
    }

    /** One page, one batch: its contacts in one associations call, then the sink with the page's cursor. */
    private void page(List<JsonNode> records, Instant last) {
        List<String> ids = records.stream().map(r -> r.path("id").asText()).toList();
        Map<String, String> contactOf = associations.contactsOf(FeedbackMapper.OBJECT, ids);
        List<InboundFeedback> batch = records.stream()
                .map(r -> FeedbackMapper.answer(r, contactOf.get(r.path("id").asText()))).toList();
        ingestLock.lock();
        try {
            sink.apply(batch, new SourceCursor(ContactMapper.SYSTEM, FeedbackMapper.OBJECT, last));
        } finally {
            ingestLock.unlock();
        }
    }
}
