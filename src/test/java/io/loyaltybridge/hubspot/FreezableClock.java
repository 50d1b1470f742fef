package io.loyaltybridge.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * System time that a test can hold still for a moment, so several sandbox records get the very same modified
 * millisecond; released, it goes on with system time (never backwards, as the hold starts at "now").
 */
final class FreezableClock extends Clock {
    private volatile Instant frozen;

    Instant freeze() {
        frozen = Instant.ofEpochMilli(System.currentTimeMillis());
        return frozen;
    }

    void release() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant f = frozen;
        return f != null ? f : Instant.ofEpochMilli(System.currentTimeMillis());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new io.loyaltybridge.sandbox.ZoneView(this, zone); // days read in that zone
    }
}
