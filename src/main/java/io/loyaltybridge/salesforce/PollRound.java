package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The poll timer's work, when due: a backfill of any object not yet backfilled, then the incremental read of
 * contacts and then orders (an order's contact should be known first). Due at start only when change events
 * cannot cover the time we were down (no stored replay id, events off, backfill pending), then once per period,
 * and at once when a stream asks for a catch-up. A failed round is tried again soon.
 */
public final class PollRound {
    private final LongSupplier reads;
    private long readsCounted;
    private static final Logger LOG = LoggerFactory.getLogger(PollRound.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final IncrementalPoll poll;
    private final Backfill backfill;
    private final ApiLimits limits;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final Duration period;
    private final Clock clock;
    private volatile Instant dueAt;
    private volatile boolean catchUpRequested;
    private volatile boolean running;
    private final Stops stops;
    /** Set once the start's check of the org's shape passed: nothing is read before it. */
    private volatile boolean shapeChecked;
    /** The org-shape check, when the start could not run it (the org did not answer then). */
    private final java.util.function.BooleanSupplier shapeCheck;
    private long shapeRetryAt = System.nanoTime();

    PollRound(IncrementalPoll poll, Backfill backfill, ApiLimits limits, Transactions tx, PgSyncSources sources,
              Duration period, Clock clock, boolean dueNow, LongSupplier reads, Stops stops,
              java.util.function.BooleanSupplier shapeCheck) {
        this.shapeCheck = shapeCheck;
        this.reads = reads;
        this.stops = stops;
        this.poll = poll;
        this.backfill = backfill;
        this.limits = limits;
        this.tx = tx;
        this.sources = sources;
        this.period = period;
        this.clock = clock;
        this.dueAt = dueNow ? clock.instant() : clock.instant().plus(period);
    }

    /** Called by the route {@code salesforce-poll} every second; does nothing until due. */
    public synchronized void tick() {
        countReads();
        if (!shapeChecked && System.nanoTime() - shapeRetryAt >= 0) {
            shapeChecked = shapeCheck.getAsBoolean();
            countReads();
            shapeRetryAt = System.nanoTime() + RETRY.toNanos();
        }
        if (!shapeChecked || !catchUpRequested && clock.instant().isBefore(dueAt) || !limits.permitRound("poll")) {
            return;
        }
        catchUpRequested = false;
        running = true;
        try {
            run();
            dueAt = clock.instant().plus(period);
        } catch (RuntimeException e) {
            Duration retry = period.compareTo(RETRY) < 0 ? period : RETRY;
            dueAt = clock.instant().plus(retry);
            LOG.warn("Salesforce poll failed, trying again in {} s: {}", retry.toSeconds(), LogSafe.describe(e));
            LOG.debug("Salesforce poll failure in full", e);
            tx.inTransaction(() -> {
                sources.failed(ContactRecords.SYSTEM, "poll", String.valueOf(e.getMessage()));
                return null;
            });
        } finally {
            running = false;
            countReads();
        }
    }

    /** Records the read calls made since the last tick, change events' re-reads included. */
    private void countReads() {
        long now = reads.getAsLong();
        long delta = now - readsCounted;
        if (delta > 0) {
            readsCounted = now;
            tx.inTransaction(() -> {
                sources.reads(ContactRecords.SYSTEM, "poll", delta);
                return null;
            });
        }
    }

    void shapeChecked() {
        shapeChecked = true;
    }

    /** A poll or backfill is reading now: a contact's orders may still be on their way. */
    boolean running() {
        return running;
    }

    /** Brings the next poll forward to the next tick: a stream may have missed something. */
    void requestCatchUp() {
        catchUpRequested = true;
    }

    private void run() {
        if (!stops.stopped(IncrementalPoll.ORDER)) {
            backfill.stageOrdersEarlyIfNeeded(); // the order items stage while the contacts are read
        }
        try {
            read(IncrementalPoll.CONTACT, () -> {
                backfill.contactsIfNeeded();
                poll.contacts();
            });
            read(IncrementalPoll.ORDER, () -> {
                backfill.ordersIfNeeded();
                poll.orders();
            });
        } finally {
            backfill.discardEarlyStaging();
        }
        tx.inTransaction(() -> {
            sources.checked(ContactRecords.SYSTEM, IncrementalPoll.CONTACT);
            sources.checked(ContactRecords.SYSTEM, IncrementalPoll.ORDER);
            // The row counting the poll's read calls shows the round's success too, not "not run yet".
            sources.checked(ContactRecords.SYSTEM, "poll");
            return null;
        });
    }

    /** One object's read, unless its stream is stopped; a permanent refusal stops it instead of failing the round. */
    private void read(String object, Runnable work) {
        if (stops.stopped(object)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!Stops.stopsStream(e)) {
                throw e;
            }
            stops.stop(object, e);
        }
    }
}
