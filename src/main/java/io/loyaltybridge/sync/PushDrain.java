package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.store.Transactions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The continuous push of one CRM, asked every few milliseconds by its route whether to send: a call goes out as
 * soon as it can be filled (the CRM's batch size of ready members) or once the oldest ready member has waited the
 * linger, and again at once while that still holds. Each question is one indexed query (see
 * {@link PgOutbox#ready}), so an idle push costs next to nothing. It takes no lock of the inbound side: reads and
 * pushes run side by side, and a member changed while its push is in flight keeps its outbox row and goes again.
 */
public final class PushDrain {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PushDrain.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final Transactions tx;
    private final PgOutbox outbox;
    private final OutboxPusher pusher;
    private final CrmWriter writer;
    private final FieldMap fields;
    private final Duration linger;
    private final Duration readHold;
    /** Calls sent side by side while the outbox holds that many full calls (a backfill's end); 1: one at a time. */
    private final int parallelCalls;
    private final java.util.concurrent.ExecutorService helpers;
    /** A sole instance frees the leases of its previous run on its first look (cleared once done). */
    private volatile boolean releaseLeases;
    private long lastWarning;

    /**
     * {@code readHold}: while the CRM's own read is running (a poll reading contacts, then their orders) a member
     * marked by its contact is likely marked again by its order a moment later; waiting for the read saves that
     * second write, but never longer than this after the oldest ready row, so a long catch-up read cannot stall it.
     */
    public PushDrain(Transactions tx, OutboxPusher pusher, CrmWriter writer, FieldMap fields, Duration linger,
                     Duration readHold, boolean soleInstance) {
        this(tx, pusher, writer, fields, linger, readHold, soleInstance, 1);
    }

    /**
     * {@code parallelCalls}: while the outbox holds at least that many full calls, as many calls go out side by
     * side, each leasing its own members (the outbox's {@code SKIP LOCKED} leases, as between instances): the
     * push of a whole backfill then overlaps one call's database reads with another's round trip to the CRM.
     * Only full calls go side by side, so the calls written stay the minimum.
     */
    public PushDrain(Transactions tx, OutboxPusher pusher, CrmWriter writer, FieldMap fields, Duration linger,
                     Duration readHold, boolean soleInstance, int parallelCalls) {
        this.parallelCalls = Math.max(1, parallelCalls);
        this.helpers = this.parallelCalls == 1 ? null : helpers(writer.system(), this.parallelCalls - 1);
        this.tx = tx;
        this.outbox = new PgOutbox(tx);
        this.pusher = pusher;
        this.writer = writer;
        this.fields = fields;
        this.linger = linger;
        this.readHold = readHold;
        this.releaseLeases = soleInstance;
    }

    /**
     * Sends every call that is due now; answers the records written. {@code reading} tells whether the CRM's read
     * is running; {@code goOn} is asked after each call (an API budget running low stops the drain).
     */
    public int drain(BooleanSupplier reading, BooleanSupplier goOn) {
        try {
            return drainDue(reading, goOn);
        } catch (RuntimeException e) {
            // Looked at ten times a second: a database outage would fill the log; once a minute says enough.
            long now = System.nanoTime();
            if (now - lastWarning > WARN_EVERY.toNanos() || lastWarning == 0) {
                LOG.warn("{} push failed, tried again at every look: {}", writer.system(), LogSafe.describe(e));
                LOG.debug("push failure in full", e);
                lastWarning = now;
            }
            return 0;
        }
    }

    private int drainDue(BooleanSupplier reading, BooleanSupplier goOn) {
        int pushed = 0;
        if (releaseLeases) {
            // Left by a run killed mid-push (no other instance can hold them): else they would wait two minutes.
            tx.inTransaction(() -> outbox.releaseLeases(writer.system()));
            releaseLeases = false;
        }
        pusher.settleLeftOver(writer.system());
        while (true) {
            PgOutbox.Ready ready = tx.read(() -> outbox.ready(writer.system(), writer.maxBatch() * parallelCalls));
            if (!due(ready, reading.getAsBoolean())) {
                return pushed;
            }
            OutboxPusher.Round round = ready.rows() >= writer.maxBatch() * parallelCalls && parallelCalls > 1
                    ? sideBySide() : pusher.pushOnce(writer, fields);
            pushed += round.pushed();
            if (round.members() == 0 || !goOn.getAsBoolean()) {
                return pushed;
            }
        }
    }

    /** Threads for the calls beside the push's own; idle ones end after a minute (a deep outbox is rare). */
    private static java.util.concurrent.ExecutorService helpers(String system, int threads) {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, system + "-push-helper");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** {@code parallelCalls} rounds at once, this thread running one; their figures summed. */
    private OutboxPusher.Round sideBySide() {
        List<java.util.concurrent.Future<OutboxPusher.Round>> others = new ArrayList<>();
        for (int i = 1; i < parallelCalls; i++) {
            others.add(helpers.submit(() -> pusher.pushLeased(writer, fields)));
        }
        OutboxPusher.Round round = pusher.pushLeased(writer, fields);
        for (java.util.concurrent.Future<OutboxPusher.Round> other : others) {
            OutboxPusher.Round more;
            try {
                more = other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a push call was in flight", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            round = new OutboxPusher.Round(round.members() + more.members(), round.pushed() + more.pushed(),
                    round.failed() + more.failed(), round.calls() + more.calls());
        }
        return round;
    }

    boolean due(PgOutbox.Ready ready, boolean reading) {
        if (ready.rows() == 0) {
            return false;
        }
        if (reading) {
            return ready.oldestWaitedMillis() >= readHold.toMillis();
        }
        return ready.rows() >= writer.maxBatch() || ready.oldestWaitedMillis() >= linger.toMillis();
    }
}
