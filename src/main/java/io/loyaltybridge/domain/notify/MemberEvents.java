package io.loyaltybridge.domain.notify;

import java.util.List;

/**
 * Where events are recorded. Called inside the transaction of the change, so the event commits with it or not at
 * all; the implementation queues the event's deliveries in the same transaction.
 */
public interface MemberEvents {
    /** Records the event; false when its cause was recorded before (nothing written then). */
    boolean record(MemberEvent event);

    /**
     * Records each event, skipping those whose cause was recorded before; returns how many were new. For jobs that
     * find many events at once (the segments job's win-back): an implementation writes them all with a fixed
     * number of statements.
     */
    default int recordAll(List<MemberEvent> events) {
        int recorded = 0;
        for (MemberEvent event : events) {
            recorded += record(event) ? 1 : 0;
        }
        return recorded;
    }
}
