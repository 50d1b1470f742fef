package io.loyaltybridge.domain.notify;

/**
 * Where events are recorded. Called inside the transaction of the change, so the event commits with it or not at
 * all; the implementation queues the event's deliveries in the same transaction.
 */
public interface MemberEvents {
    /** Records the event; false when its cause was recorded before (nothing written then). */
    boolean record(MemberEvent event);
}
