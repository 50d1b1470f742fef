package io.loyaltybridge.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person account's change comes as two change events, one on Account and one on Contact, from the same
 * transaction (same transactionKey), on two streams. The person is read again once: whichever event comes second
 * finds its person already read under that transaction and reads nothing. Only recent transactions are kept.
 */
final class ReadOnce {
    private static final int CAPACITY = 10_000;
    private final Map<String, Boolean> read = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The contacts of {@code ids} not yet read under this transaction, now marked as read. */
    synchronized List<String> unread(String transactionKey, List<String> ids) {
        if (transactionKey == null || transactionKey.isEmpty()) {
            return ids;
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (read.putIfAbsent(transactionKey + "/" + id, Boolean.TRUE) == null) {
                out.add(id);
            }
        }
        return out;
    }
}
