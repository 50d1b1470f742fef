package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgWebhookInbox;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Works the webhook inbox (route hubspot-webhook-process after each delivery is stored, hubspot-webhook-inbox every
 * {@code drain-interval-ms} for retries and for what a stopped instance left): leases due events, applies privacy
 * deletions first, each on its own, then the rest of the batch together, and settles them. Events that failed
 * (HubSpot unreachable, our API budget spent, a database error) are due again after a doubling wait; none is ever
 * given up, since deletions, merges and privacy deletions arrive by webhook only. The lease makes instances share
 * the inbox; a lease left by a killed process runs out and the events are due again.
 */
public final class WebhookDrain {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDrain.class);
    private static final long MAX_WAIT_MS = 15 * 60 * 1000L;
    private static final long FORGET_EVERY_MS = 60 * 60 * 1000L;

    /** How the inbox is worked (see {@link WebhookInboxSettings}). */
    record Policy(int batchSize, int leaseSeconds, long retryBaseMs, long holdMs, int keepDays, long lingerMs,
                  int maxEvents) {
    }

    private final Transactions tx;
    private final PgWebhookInbox inbox;
    private final PgDeadLetters deadLetters;
    private final WebhookProcessor processor;
    private final Policy policy;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long forgotAt;
    /**
     * Settles a batch while the drain reads the next one from HubSpot (both cores; a read mostly waits on HubSpot).
     * Batches still settle one at a time and in order; events of one record are never in two batches at once, since
     * a later event is not leased while an earlier one of its record is.
     */
    private final ExecutorService settler = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hubspot-webhook-settle");
        thread.setDaemon(true);
        return thread;
    });
    /** The batch being settled; touched only by the drain holding {@code running}. */
    private Future<?> settling = CompletableFuture.completedFuture(null);
    /** A drain once the oldest waiting event has lingered long enough; one is scheduled at a time. */
    private final AtomicBoolean redrain = new AtomicBoolean();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hubspot-webhook-linger");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDrain(Transactions tx, WebhookProcessor processor, Policy policy) {
        this.tx = tx;
        this.inbox = new PgWebhookInbox(tx);
        this.deadLetters = new PgDeadLetters(tx);
        this.processor = processor;
        this.policy = policy;
    }

    /**
     * Applies what is due. One pass at a time per instance: a call while one runs only asks the running pass to look
     * again when it is done, so a burst of deliveries costs a pass or two, not one each.
     */
    public void drain() {
        while (true) {
            if (!running.tryLock()) {
                again.set(true);
                return;
            }
            try {
                again.set(false);
                drainDue();
            } finally {
                running.unlock();
            }
            if (!again.get()) {
                return;
            }
        }
    }

    private void drainDue() {
        forgetOld();
        try {
            drainBatches();
        } finally {
            awaitSettling();
        }
    }

    private void drainBatches() {
        while (!Thread.currentThread().isInterrupted()) {
            List<PgWebhookInbox.Leased> leased;
            try {
                int take = toTake();
                if (take == 0) {
                    return;
                }
                leased = tx.inTransaction(() -> inbox.lease(take, policy.leaseSeconds(), policy.holdMs()));
            } catch (RuntimeException e) {
                LOG.warn("HubSpot webhook inbox could not be read: {}", LogSafe.describe(e));
                return;
            }
            if (leased.isEmpty()) {
                return;
            }
            List<PgWebhookInbox.Leased> rest = new ArrayList<>();
            for (PgWebhookInbox.Leased event : leased) {
                if (event.erasure()) {
                    // After the batch before it, as if batches were applied one after the other.
                    awaitSettling();
                    erase(event);
                } else {
                    rest.add(event);
                }
            }
            readThenSettle(rest);
        }
    }

    /**
     * How many events to take now; 0 to let more join them. Waiting events touching batch-size records or more are
     * taken at once in whole batches (as many events as whole batch reads hold: an event touches one record, so
     * they fill those reads and no more); once the oldest has waited linger-ms, everything (up to max-events) is
     * taken. Until then a drain is scheduled for when it will have. So a burst arriving as many small deliveries is
     * read in full batches, no event waits much longer than linger-ms for company, and what arrives while a drain
     * reads and settles is taken whole by the next one: the busier the inbox, the fuller the reads.
     */
    private int toTake() {
        PgWebhookInbox.Waiting waiting = tx.read(() -> inbox.waiting(policy.maxEvents()));
        if (waiting.records() == 0) {
            return 0;
        }
        long left = policy.lingerMs() - waiting.oldestMillis();
        if (left <= 0) {
            return policy.maxEvents();
        }
        if (waiting.records() >= policy.batchSize()) {
            return (int) Math.min(policy.maxEvents(), waiting.records() / policy.batchSize() * policy.batchSize());
        }
        if (redrain.compareAndSet(false, true)) {
            later.schedule(() -> {
                redrain.set(false);
                drain();
            }, left, TimeUnit.MILLISECONDS);
        }
        return 0;
    }

    private void erase(PgWebhookInbox.Leased event) {
        try {
            processor.erase(json(event).path("objectId").asText(), () -> inbox.done(List.of(event.id())));
        } catch (RuntimeException e) {
            failed(List.of(event), e);
        }
    }

    /**
     * The batch's records read with batch reads, then settled in one transaction with the events' applied mark on
     * the settling thread, once the batch before it is settled; the drain meanwhile goes on to the next batch.
     */
    private void readThenSettle(List<PgWebhookInbox.Leased> events) {
        List<PgWebhookInbox.Leased> readable = new ArrayList<>();
        List<JsonNode> json = parse(events, readable);
        if (readable.isEmpty()) {
            return;
        }
        WebhookProcessor.Read read;
        try {
            read = processor.read(json);
        } catch (RuntimeException e) {
            awaitSettling();
            failedBatch(readable, e);
            return;
        }
        awaitSettling();
        settling = settler.submit(() -> {
            try {
                processor.settle(read, () -> inbox.done(readable.stream().map(PgWebhookInbox.Leased::id).toList()));
            } catch (RuntimeException e) {
                failedBatch(readable, e);
            }
        });
    }

    private void awaitSettling() {
        try {
            settling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Not a failure of the batch (those are handled on the settling thread): its events' leases run out.
            LOG.warn("HubSpot webhook: settling a batch stopped: {}", LogSafe.describe(e.getCause()));
        }
    }

    /** The events' JSON; an event stored unreadable is set aside as a dead letter, the rest go to {@code readable}. */
    private List<JsonNode> parse(List<PgWebhookInbox.Leased> events, List<PgWebhookInbox.Leased> readable) {
        List<JsonNode> json = new ArrayList<>();
        for (PgWebhookInbox.Leased event : events) {
            try {
                json.add(json(event));
                readable.add(event);
            } catch (IllegalStateException e) {
                deadLetter(event, e);
            }
        }
        return json;
    }

    /** Read and settled here and now: the halves of a batch that failed. */
    private void apply(List<PgWebhookInbox.Leased> events) {
        List<PgWebhookInbox.Leased> readable = new ArrayList<>();
        List<JsonNode> json = parse(events, readable);
        if (readable.isEmpty()) {
            return;
        }
        try {
            processor.apply(json, () -> inbox.done(readable.stream().map(PgWebhookInbox.Leased::id).toList()));
        } catch (RuntimeException e) {
            failedBatch(readable, e);
        }
    }

    /**
     * A batch that fails for a reason of its own content (HubSpot refusing a request, a record we cannot map) is not
     * retried as a whole: it is applied in halves, down to single events, so only the one at fault is set aside, as
     * a dead letter. One that fails because HubSpot or the database cannot be reached waits for a retry, all of it.
     */
    private void failedBatch(List<PgWebhookInbox.Leased> readable, RuntimeException e) {
        if (WebhookFailures.retriable(e)) {
            failed(readable, e);
        } else if (readable.size() == 1) {
            deadLetter(readable.get(0), e);
        } else {
            // In halves, not one by one: a batch takes up to max-events, and one bad event among them must not cost
            // a read per event; halving finds it with a few reads per level.
            LOG.warn("HubSpot webhook: a batch of {} events failed ({}); applying it in halves", readable.size(),
                    LogSafe.describe(e));
            int half = readable.size() / 2;
            apply(new ArrayList<>(readable.subList(0, half)));
            apply(new ArrayList<>(readable.subList(half, readable.size())));
        }
    }

    /** An event that cannot be applied, whatever the retries: kept as a dead letter, its replay puts it back. */
    private void deadLetter(PgWebhookInbox.Leased event, RuntimeException e) {
        LOG.warn("HubSpot webhook: event {} of {} set aside as a dead letter: {}", event.id(), event.objectKey(),
                LogSafe.describe(e));
        LOG.debug("HubSpot webhook dead letter in full", e);
        try {
            tx.inTransaction(() -> {
                deadLetters.add(ContactMapper.SYSTEM, "inbound", WebhookFailures.RECORD_TYPE, event.objectKey(),
                        WebhookFailures.payload(event), WebhookFailures.code(e), WebhookFailures.message(e), null);
                inbox.done(List.of(event.id()));
                return null;
            });
        } catch (RuntimeException notRecorded) {
            failed(List.of(event), notRecorded);
        }
    }

    private void failed(List<PgWebhookInbox.Leased> events, RuntimeException e) {
        int attempts = events.stream().mapToInt(PgWebhookInbox.Leased::attempts).max().orElse(1);
        long wait = backoff(attempts);
        // The cause only: a HubSpot answer or a statement may quote personal data, which stays in DEBUG.
        LOG.warn("HubSpot webhook: {} events not applied (attempt {}), trying again in {} ms: {}", events.size(),
                attempts, wait, LogSafe.describe(e));
        LOG.debug("HubSpot webhook failure in full", e);
        try {
            tx.inTransaction(() -> {
                inbox.retry(events.stream().map(PgWebhookInbox.Leased::id).toList(), wait,
                        e.getClass().getSimpleName());
                return null;
            });
        } catch (RuntimeException notRecorded) {
            // The lease runs out and the events are due again all the same.
            LOG.warn("HubSpot webhook: retry of {} events not recorded: {}", events.size(),
                    LogSafe.describe(notRecorded));
        }
    }

    long backoff(int attempts) {
        long wait = policy.retryBaseMs() << Math.min(20, Math.max(0, attempts - 1));
        return Math.min(MAX_WAIT_MS, wait);
    }

    private void forgetOld() {
        long now = System.currentTimeMillis();
        if (now - forgotAt < FORGET_EVERY_MS) {
            return;
        }
        forgotAt = now;
        try {
            int forgotten = tx.inTransaction(() -> inbox.forget(policy.keepDays()));
            LOG.debug("HubSpot webhook inbox: {} applied events older than {} days forgotten", forgotten,
                    policy.keepDays());
        } catch (RuntimeException e) {
            LOG.warn("HubSpot webhook inbox: old events not forgotten: {}", LogSafe.describe(e));
        }
    }

    private static JsonNode json(PgWebhookInbox.Leased event) {
        try {
            return HubSpotClient.JSON.readTree(event.event() == null ? "" : event.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook event " + event.id() + " is not JSON", e);
        }
    }
}
