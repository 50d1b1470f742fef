package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads every record of one object type modified at or after a time, oldest first, a page at a time, through the
 * search API. HubSpot refuses to page past 10 000 results of one search: then a new search starts at the last
 * modified time seen (the records of that very millisecond are read again and skipped downstream). Should 10 000
 * records share one millisecond, that millisecond is read by record id instead, so the read always moves forward.
 */
final class IncrementalSearch {
    static final int MAX_RESULTS = 10_000;

    private final HubSpotClient client;
    private final String path;
    private final String modified;
    private final List<String> properties;
    private final int pageSize;

    IncrementalSearch(HubSpotClient client, String objectType, String modified, List<String> properties,
                      int pageSize) {
        this.client = client;
        this.path = "/crm/v3/objects/" + objectType + "/search";
        this.modified = modified;
        this.properties = properties;
        this.pageSize = pageSize;
    }

    /** Hands each page and its latest modified time to {@code page}, in ascending modified order. */
    void readSince(Instant since, BiConsumer<List<JsonNode>, Instant> page) {
        long from = since == null ? 0 : since.toEpochMilli();
        while (true) {
            Window w = window(List.of(filter(modified, "GTE", from)), modified, page);
            // A window that read nothing cannot move the start forward: the next cycle tries again.
            if (w.read > 0 && w.read < w.total) {
                long last = w.lastModified.toEpochMilli();
                if (last == from) {
                    drainMillisecond(from, page);
                    from = from + 1;
                } else {
                    from = last;
                }
                continue;
            }
            return;
        }
    }

    /** The records of one millisecond, by id: only needed when more than 10 000 share it. */
    private void drainMillisecond(long at, BiConsumer<List<JsonNode>, Instant> page) {
        String lastId = "0";
        while (true) {
            Window w = window(List.of(filter(modified, "EQ", at), filter("hs_object_id", "GT", Long.parseLong(lastId))),
                    "hs_object_id", page);
            if (w.read >= w.total || w.lastId == null) {
                return;
            }
            lastId = w.lastId;
        }
    }

    private record Window(int read, int total, Instant lastModified, String lastId) {
    }

    /** One search, paged until its end or the 10 000-result cap. */
    private Window window(List<ObjectNode> filters, String sortBy, BiConsumer<List<JsonNode>, Instant> page) {
        String after = "0";
        int read = 0;
        int total = 0;
        Instant last = null;
        String lastId = null;
        while (after != null) {
            ObjectNode body = HubSpotClient.JSON.createObjectNode();
            body.putArray("filterGroups").addObject().putArray("filters").addAll(filters);
            body.putArray("sorts").addObject().put("propertyName", sortBy).put("direction", "ASCENDING");
            ArrayNode props = body.putArray("properties");
            properties.forEach(props::add);
            body.put("limit", pageSize).put("after", after);
            JsonNode answer = client.post(path, body).orThrow().json();
            total = answer.path("total").asInt();
            List<JsonNode> records = new ArrayList<>();
            answer.path("results").forEach(records::add);
            read += records.size();
            Instant pageLast = null;
            for (JsonNode r : records) {
                Instant m = ContactMapper.modified(r, modified);
                pageLast = pageLast == null || (m != null && m.isAfter(pageLast)) ? m : pageLast;
                lastId = r.path("id").asText();
            }
            if (!records.isEmpty()) {
                last = pageLast;
                page.accept(records, pageLast);
            }
            after = answer.path("paging").path("next").path("after").asText(null);
            if (after != null && beyondCap(after)) {
                after = null;
            }
        }
        return new Window(read, total, last, lastId);
    }

    /** HubSpot's paging token is an offset; asking for one at or past the cap answers 400, so we stop there. */
    private static boolean beyondCap(String after) {
        try {
            return Long.parseLong(after) >= MAX_RESULTS;
        } catch (NumberFormatException opaque) {
            return false;
        }
    }

    private static ObjectNode filter(String property, String operator, long value) {
        return HubSpotClient.JSON.createObjectNode().put("propertyName", property).put("operator", operator)
                .put("value", Long.toString(value));
    }
}
