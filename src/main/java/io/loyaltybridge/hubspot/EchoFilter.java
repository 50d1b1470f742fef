package io.loyaltybridge.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises our own writes when they come back: a batch update answers each contact's new {@code updatedAt}, and
 * a contact whose last modification is exactly that one changed only because we wrote to it, so reading it in
 * again would only cost work. Bounded and in memory: after a restart an echo is read once more, and the
 * push's diff then finds nothing to send.
 */
final class EchoFilter {
    private static final int CAPACITY = 100_000;
    private final Map<String, Instant> written = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void wrote(String contactId, Instant updatedAt) {
        if (updatedAt != null) {
            written.put(contactId, updatedAt);
        }
    }

    /** True when the contact's last change is the write we made. */
    synchronized boolean isEcho(String contactId, Instant modifiedAt) {
        Instant ours = written.get(contactId);
        return ours != null && ours.equals(modifiedAt);
    }
}
