package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.OutboxPusher;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The push timer's work: drain the Salesforce outbox until it is empty. It holds back while a poll or backfill
 * reads (a contact's orders come after the contact, so its points are not complete yet) and until inbound
 * traffic has been quiet for a moment, so a contact and its orders arriving together cost one write, not two
 * (but never longer than that moment again under unbroken traffic). Past the API share it pushes only once per
 * slow period.
 */
public final class PushRound {
    private final OutboxPusher pusher;
    private final ContactWriter writer;
    private final FieldMap fields;
    private final Inbound inbound;
    private final ApiLimits limits;
    private final Duration quiet;
    private final BooleanSupplier reading;
    /** When the push first held back for traffic that has not paused since; 0 when not holding. */
    private long heldSinceNanos;

    PushRound(OutboxPusher pusher, ContactWriter writer, FieldMap fields, Inbound inbound, ApiLimits limits,
              Duration quiet, BooleanSupplier reading) {
        this.pusher = pusher;
        this.writer = writer;
        this.fields = fields;
        this.inbound = inbound;
        this.limits = limits;
        this.quiet = quiet;
        this.reading = reading;
    }

    /** Called by the route {@code salesforce-push}; answers how many records were written. */
    public int drain() {
        if (reading.getAsBoolean()) {
            heldSinceNanos = 0; // a read in progress holds the push anyway; the traffic after it counts afresh
            return 0;
        }
        if (!inbound.quietFor(quiet) && !heldLongEnough() || !limits.permitRound("push")) {
            return 0;
        }
        heldSinceNanos = 0;
        int pushed = 0;
        while (true) {
            OutboxPusher.Round round = pusher.pushOnce(writer, fields);
            pushed += round.pushed();
            if (round.members() == 0 || limits.slowedDown()) {
                return pushed;
            }
        }
    }

    /**
     * Traffic that never pauses (a steady stream of orders) must not hold the push back for ever: after holding
     * for the quiet period it pushes anyway, so under load a CRM field lags by about one quiet period at most.
     */
    private boolean heldLongEnough() {
        long now = System.nanoTime();
        if (heldSinceNanos == 0) {
            heldSinceNanos = now;
            return false;
        }
        return now - heldSinceNanos >= quiet.toNanos();
    }
}
