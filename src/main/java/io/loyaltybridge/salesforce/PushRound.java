package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.PushDrain;

import java.util.function.BooleanSupplier;

/**
 * The push route's work, asked every few milliseconds: send the sObject Collections calls that are due (200
 * contacts ready, or the oldest waited the linger). It never waits for change events or takes the ingest lock; it
 * holds back only while a first sync (Bulk backfill) is reading, since a contact's orders then follow it by minutes
 * and pushing in between would write every member twice. Past the API share it pushes only once per slow period.
 */
public final class PushRound {
    private final PushDrain drain;
    private final ApiLimits limits;
    private final BooleanSupplier reading;
    private final BooleanSupplier backfilling;
    private final BooleanSupplier stopping;

    /** {@code stopping}: the app is stopping; a drain ends after its call in flight (the rest waits in the outbox). */
    PushRound(PushDrain drain, ApiLimits limits, BooleanSupplier reading, BooleanSupplier backfilling,
              BooleanSupplier stopping) {
        this.drain = drain;
        this.limits = limits;
        this.reading = reading;
        this.backfilling = backfilling;
        this.stopping = stopping;
    }

    /** Called by the route {@code salesforce-push}; answers how many records were written. */
    public int drain() {
        if (stopping.getAsBoolean() || backfilling.getAsBoolean() || !limits.permitRound("push")) {
            return 0;
        }
        return drain.drain(reading, () -> !limits.slowedDown() && !stopping.getAsBoolean());
    }
}
