package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of change events read from Salesforce: the records to settle, whether a catch-up poll must follow
 * (a GAP_OVERFLOW event names no records), and the batch's last event, whose replay id is stored with them.
 * {@code failed} when Salesforce would not answer: nothing is settled, no replay id stored, a catch-up poll covers
 * the batch instead.
 */
record BatchRead(String source, TakenEvent last, List<InboundContact> contacts, List<InboundOrder> orders,
                 boolean catchUp, boolean failed) {

    static BatchRead failed(EventBatch batch) {
        return new BatchRead(batch.source(), batch.last(), List.of(), List.of(), true, true);
    }

    /**
     * The contact ids a batch asks to read, once each, in order of the events naming them, and for deletions the
     * time each was deleted (a record purged from the recycle bin no longer reads back, its deletion still counts).
     */
    static final class People {
        final Set<String> ids = new LinkedHashSet<>();
        final Map<String, Instant> deletedAt = new LinkedHashMap<>();

        void add(ChangeEvent event, List<String> contactIds) {
            for (String id : contactIds) {
                if (Soql.isId(id)) {
                    ids.add(id);
                    if (event.isDelete()) {
                        deletedAt.put(id, Instant.ofEpochMilli(event.commitTimestamp()));
                    } else {
                        deletedAt.remove(id);
                    }
                }
            }
        }

        /** {@code read} with a deletion added for every deleted id that did not read back. */
        List<InboundContact> withPurged(List<InboundContact> read) {
            List<InboundContact> all = new ArrayList<>(read);
            Set<String> found = new java.util.HashSet<>();
            read.forEach(c -> found.add(c.externalId()));
            deletedAt.forEach((id, at) -> {
                if (!found.contains(id)) {
                    all.add(new InboundContact(ContactRecords.SYSTEM, id, null, null, null, null, null, true, at,
                            Map.of()));
                }
            });
            return all;
        }
    }
}
