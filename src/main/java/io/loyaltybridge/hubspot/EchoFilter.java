package io.loyaltybridge.hubspot;

import io.loyaltybridge.sync.InboundContact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps our own writes from coming back in. A batch update answers each contact's new {@code updatedAt}; a contact
 * read later whose last modification is that write (or older: search lags behind, and may still show the version
 * before it) shows in our properties only what we wrote or what we already overwrote, so those values are dropped
 * and only the contact's own fields are taken in (a person's edit may ride in the same version). Bounded and in
 * memory: after a restart an echo is read once more, and the push's diff then finds nothing to send.
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
            written.merge(contactId, updatedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The contact without our properties' values when they are an echo of our last write; else as it is. */
    synchronized InboundContact withoutEcho(InboundContact contact) {
        Instant ours = written.get(contact.externalId());
        if (ours == null || contact.modifiedAt() == null || contact.modifiedAt().isAfter(ours)) {
            return contact;
        }
        return new InboundContact(contact.system(), contact.externalId(), contact.email(), contact.firstName(),
                contact.lastName(), contact.birthDate(), contact.marketingConsent(), contact.deleted(),
                contact.modifiedAt(), Map.of());
    }
}
