package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.loyaltybridge.sandbox.salesforce.data.ChangeEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The org's event bus: every change event with its position (1, 2, ...). Events older than the retention window
 * (72 hours of sandbox time) are purged, after which their replay ids are refused.
 */
public final class EventLog {
    static final Duration RETENTION = Duration.ofHours(72);

    /** An encoded event as the bus keeps it. */
    record Stored(long position, String entity, String eventId, String schemaId, byte[] payload, long time) {
    }

    private final List<Stored> events = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final CdcSchemas schemas;
    private final Clock clock;
    private long first = 1;
    private long last;

    public EventLog(CdcSchemas schemas, Clock clock) {
        this.schemas = schemas;
        this.clock = clock;
    }

    /** Called inside the org's write lock, so positions follow commit order. */
    public void append(List<ChangeEvent> committed) {
        synchronized (this) {
            for (ChangeEvent e : committed) {
                CdcSchemas.EntitySchema s = schemas.forEntity(e.entityName());
                events.add(new Stored(++last, e.entityName(), UUID.randomUUID().toString(), s.id(),
                        EventEncoder.encode(s, e), e.commitTimestamp()));
            }
            purge();
        }
        listeners.forEach(Runnable::run);
    }

    void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    synchronized long last() {
        return last;
    }

    /**
     * A position a subscriber may resume after: a retained event, or the start of a bus that never purged anything.
     * The id of a purged event is refused even if nothing was lost after it, as Salesforce refuses it.
     */
    synchronized boolean resumable(long position) {
        purge();
        return position >= first && position <= last || position == 0 && first == 1;
    }

    synchronized long beforeEarliest() {
        purge();
        return first - 1;
    }

    /** Up to {@code max} events after {@code position} that match the topic's filter. */
    synchronized List<Stored> after(long position, Predicate<String> entity, int max) {
        List<Stored> out = new ArrayList<>();
        int start = (int) Math.max(0, position - first + 1);
        for (int i = start; i < events.size() && out.size() < max; i++) {
            if (entity.test(events.get(i).entity())) {
                out.add(events.get(i));
            }
        }
        return out;
    }

    public synchronized int size() {
        return events.size();
    }

    private void purge() {
        long cutoff = clock.millis() - RETENTION.toMillis();
        int drop = 0;
        while (drop < events.size() && events.get(drop).time() < cutoff) {
            drop++;
        }
        if (drop > 0) {
            events.subList(0, drop).clear();
            first += drop;
        }
    }
}
