package io.loyaltybridge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandboxes' clock in sandbox mode: pinned to each seeded record's moment while two years of history are
 * loaded (so creation and modification dates are those of the history), then released to follow real time.
 */
public final class SeedClock extends Clock {
    private volatile Instant pinned;

    public void pin(Instant at) {
        pinned = at;
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZoneView(this, zone);
    }
}
