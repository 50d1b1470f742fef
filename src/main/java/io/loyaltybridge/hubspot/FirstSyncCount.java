package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the records a first sync read, each once. Every search page starts at the last modified time of the one
 * before, so the records of that millisecond come again (see {@link IncrementalSearch}); counted by page size, a
 * first sync of 8 817 orders showed 8 917 done. Only the ids of the latest millisecond are remembered.
 */
final class FirstSyncCount {
    private final String modified;
    private final Set<String> boundary = new HashSet<>();
    private Instant boundaryAt;

    FirstSyncCount(String modified) {
        this.modified = modified;
    }

    /** How many of {@code records} (ascending by modified time) were not counted before. */
    long fresh(List<JsonNode> records) {
        long fresh = records.stream().filter(r -> !boundary.contains(r.path("id").asText())).count();
        Instant last = null;
        for (JsonNode r : records) {
            Instant m = ContactMapper.modified(r, modified);
            if (m != null && (last == null || m.isAfter(last))) {
                last = m;
            }
        }
        if (last != null && !last.equals(boundaryAt)) {
            boundary.clear();
            boundaryAt = last;
        }
        for (JsonNode r : records) {
            if (boundaryAt != null && boundaryAt.equals(ContactMapper.modified(r, modified))) {
                boundary.add(r.path("id").asText());
            }
        }
        return fresh;
    }
}
