package io.loyaltybridge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that reads another clock's instant but reports another zone: days follow that zone as it is moved. */
public final class ZoneView extends Clock {
    private final Clock source;
    private final ZoneId zone;

    public ZoneView(Clock source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ZoneView(source, other);
    }

    @Override
    public Instant instant() {
        return source.instant();
    }
}
