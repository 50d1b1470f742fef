package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.store.Transactions;

import java.time.Duration;
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
            PgOutbox.Ready ready = tx.read(() -> outbox.ready(writer.system(), writer.maxBatch()));
            if (!due(ready, reading.getAsBoolean())) {
                return pushed;
            }
            OutboxPusher.Round round = pusher.pushOnce(writer, fields);
            pushed += round.pushed();
            if (round.members() == 0 || !goOn.getAsBoolean()) {
                return pushed;
            }
        }
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
