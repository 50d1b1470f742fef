package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.Progress;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads every record of one object type modified at or after a time, oldest first, a page at a time, through the
 * search API. Each page is a new search starting at the last modified time seen (the records of that millisecond
 * are read again and skipped downstream) rather than HubSpot's offset paging, for two reasons: HubSpot refuses to
 * page past 10 000 results of one search, and a record modified while we page moves to the end and shifts the
 * others, so an offset would skip one. Should a whole page share one millisecond, that millisecond is read by record
 * id instead, so the read always moves forward. A window read before is not paged through again while nothing
 * in it changed (see {@link #changedSince}): a quiet cycle costs one search.
 */
final class IncrementalSearch {
    private final HubSpotClient client;
    private final String path;
    private final String modified;
    private final List<String> properties;
    private final int pageSize;
    private final Progress.Board board;
    private final String label;
    private final SeenWindow seen = new SeenWindow();

    IncrementalSearch(HubSpotClient client, String objectType, String modified, List<String> properties,
                      int pageSize, Progress.Board board) {
        this.board = board;
        this.label = "HubSpot first sync: " + objectType;
        this.client = client;
        this.path = "/crm/v3/objects/" + objectType + "/search";
        this.modified = modified;
        this.properties = properties;
        this.pageSize = pageSize;
    }

    /**
     * Hands each page and its latest modified time to {@code page}, in ascending modified order (no {@code since}:
     * the whole object). A {@code firstSync} (the object not yet read whole: a first sync, or one resumed after it
     * was cut short) reports its progress against the total of the first answer, each record counted once, and
     * shows as stopped when the read fails.
     */
    void readSince(Instant since, boolean firstSync, BiConsumer<List<JsonNode>, Instant> page) {
        long from = since == null ? 0 : since.toEpochMilli();
        try {
            if (since != null && seen.covers(from)) {
                seen.prune(from);
                if (!changedSince(from, page)) {
                    return;
                }
            }
            // The whole window is read again: what was seen in it is learnt anew (a deleted record drops out).
            seen.forget();
            seen.begin();
            read(from, firstSync, page);
            seen.complete(from);
        } catch (RuntimeException e) {
            seen.forget();
            throw e;
        }
    }

    /**
     * The window from {@code from} was read before. One search (newest first, one record) tells whether anything
     * changed: the window holds as many records as we have seen there and its newest is a version we have seen.
     * Otherwise the records after the newest seen time are read (this is where new changes, and our own writes read
     * back once, are), and the rest of the window is counted: only when a record was indexed late, and so is
     * missing from what we saw, is the whole window read again. Returns whether the whole window must be read.
     */
    private boolean changedSince(long from, BiConsumer<List<JsonNode>, Instant> page) {
        JsonNode newest = searchAnswer(List.of(filter(modified, "GTE", from)), modified, "DESCENDING", 1);
        JsonNode top = newest.path("results").path(0);
        long total = newest.path("total").asLong(-1);
        boolean topSeen = top.isMissingNode() || isSeen(top);
        if (topSeen && total == seen.count(from, Long.MAX_VALUE)) {
            return false;
        }
        long mark = seen.latest(from - 1);
        read(mark + 1, false, page);
        long before = searchAnswer(List.of(filter(modified, "GTE", from), filter(modified, "LTE", mark)), modified,
                "ASCENDING", 1).path("total").asLong(-1);
        return before != seen.count(from, mark);
    }

    private boolean isSeen(JsonNode record) {
        Instant m = ContactMapper.modified(record, modified);
        return m != null && seen.isSeen(record.path("id").asText(), m.toEpochMilli());
    }

    private void remember(List<JsonNode> records) {
        for (JsonNode r : records) {
            Instant m = ContactMapper.modified(r, modified);
            if (m != null) {
                seen.seen(r.path("id").asText(), m.toEpochMilli());
            }
        }
    }

    private void read(long from, boolean firstSync, BiConsumer<List<JsonNode>, Instant> page) {
        Progress progress = null;
        FirstSyncCount count = new FirstSyncCount(modified);
        Progress[] shown = new Progress[1];
        BiConsumer<List<JsonNode>, Instant> counted = (records, last) -> {
            page.accept(records, last);
            remember(records);
            if (shown[0] != null) {
                shown[0].advance(count.fresh(records));
            }
        };
        try {
            while (true) {
                JsonNode answer = searchAnswer(List.of(filter(modified, "GTE", from)), modified, "ASCENDING",
                        pageSize);
                List<JsonNode> records = new ArrayList<>();
                answer.path("results").forEach(records::add);
                if (firstSync && progress == null) {
                    progress = board.start(label, answer.path("total").asLong(records.size()));
                    shown[0] = progress;
                }
                if (records.isEmpty()) {
                    return;
                }
                Instant last = latest(records);
                counted.accept(records, last);
                if (records.size() < pageSize || last == null) {
                    return;
                }
                if (last.toEpochMilli() == from) {
                    drainMillisecond(from, counted);
                    from = from + 1;
                } else {
                    from = last.toEpochMilli();
                }
            }
        } catch (RuntimeException e) {
            if (progress != null) {
                progress.stop(); // shown as stopped, not done: the next cycle carries on
            }
            throw e;
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
    }

    /** The records of one millisecond, by ascending id: only needed when a whole page shares it. */
    private void drainMillisecond(long at, BiConsumer<List<JsonNode>, Instant> page) {
        long afterId = 0;
        while (true) {
            List<JsonNode> records = search(List.of(filter(modified, "EQ", at),
                    filter("hs_object_id", "GT", afterId)), "hs_object_id");
            if (records.isEmpty()) {
                return;
            }
            page.accept(records, Instant.ofEpochMilli(at));
            remember(records);
            if (records.size() < pageSize) {
                return;
            }
            afterId = records.get(records.size() - 1).path("id").asLong();
        }
    }

    private List<JsonNode> search(List<ObjectNode> filters, String sortBy) {
        List<JsonNode> records = new ArrayList<>();
        searchAnswer(filters, sortBy, "ASCENDING", pageSize).path("results").forEach(records::add);
        return records;
    }

    private JsonNode searchAnswer(List<ObjectNode> filters, String sortBy, String direction, int limit) {
        ObjectNode body = HubSpotClient.JSON.createObjectNode();
        body.putArray("filterGroups").addObject().putArray("filters").addAll(filters);
        body.putArray("sorts").addObject().put("propertyName", sortBy).put("direction", direction);
        ArrayNode props = body.putArray("properties");
        properties.forEach(props::add);
        body.put("limit", limit).put("after", "0");
        return client.post(path, body).orThrow().json();
    }

    private Instant latest(List<JsonNode> records) {
        Instant last = null;
        for (JsonNode r : records) {
            Instant m = ContactMapper.modified(r, modified);
            if (m != null && (last == null || m.isAfter(last))) {
                last = m;
            }
        }
        return last;
    }

    private static ObjectNode filter(String property, String operator, long value) {
        return HubSpotClient.JSON.createObjectNode().put("propertyName", property).put("operator", operator)
                .put("value", Long.toString(value));
    }
}
