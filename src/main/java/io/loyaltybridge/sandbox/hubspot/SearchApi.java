package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code POST /crm/v3/objects/{type}/search}: filter groups (OR of ANDs), one sort, pages of up to 200 by an
 * {@code after} offset, and no result past the 10 000th. Records changed within the indexing delay are seen as they
 * were before the change (new ones not at all), as HubSpot's search index lags its database.
 */
final class SearchApi {
    static final int MAX_RESULTS = 10_000;
    private static final int MAX_GROUPS = 5;
    private static final int MAX_PER_GROUP = 6;
    private static final int MAX_FILTERS = 18;
    private final CrmData data;

    SearchApi(CrmData data) {
        this.data = data;
    }

    void mount(Router r, Routes.Mounter m) {
        m.post(r, "/crm/v3/objects/:type/search", this::search);
    }

    private void search(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        JsonNode body = Req.body(ctx);
        Predicate<Snap> match = where(store, body);
        Comparator<Snap> order = SearchSort.of(store, body.get("sorts"));
        int limit = body.has("limit") ? body.get("limit").asInt() : 10;
        if (limit < 1 || limit > 200) {
            throw ApiError.validation("limit must be between 1 and 200, got " + limit).with("limit", "" + limit);
        }
        int offset = offset(Json.text(body, "after", null));
        if (offset >= MAX_RESULTS) {
            throw ApiError.validation("Cannot page past " + MAX_RESULTS + " results for a search: after="
                    + offset + ". Narrow the filters (e.g. on the last " + t.modifiedProperty
                    + " seen) and start again.").with("after", String.valueOf(offset));
        }
        long now = store.now();
        long delay = store.indexingDelayMillis();
        List<Snap> hits = new ArrayList<>();
        store.table().forEachFrom(0, s -> {
            Snap v = s.searchable(now, delay);
            if (v != null && !v.archived() && match.test(v)) {
                hits.add(v);
            }
        });
        hits.sort(order);
        int end = Math.min(Math.min(hits.size(), MAX_RESULTS), offset + limit);
        List<String> props = new ArrayList<>(Views.defaults(t));
        Req.strings(body, "properties").forEach(p -> { if (!props.contains(p)) props.add(p); });
        ObjectNode out = Json.object();
        out.put("total", hits.size());
        out.putArray("results");
        for (int i = offset; i < end; i++) {
            out.withArray("results").add(Views.object(store, hits.get(i), props));
        }
        if (end < Math.min(hits.size(), MAX_RESULTS)) {
            out.putObject("paging").putObject("next").put("after", String.valueOf(end)).put("link", "?after=" + end);
        }
        Reply.json(ctx, 200, out);
    }

    private static Predicate<Snap> where(ObjectStore store, JsonNode body) {
        JsonNode groups = body.get("filterGroups");
        List<Predicate<Snap>> ors = new ArrayList<>();
        int total = 0;
        if (groups != null && groups.isArray()) {
            if (groups.size() > MAX_GROUPS) {
                throw ApiError.validation("Too many filter groups: " + groups.size() + " (at most " + MAX_GROUPS + ")");
            }
            for (JsonNode g : groups) {
                JsonNode filters = g.get("filters");
                int n = filters == null ? 0 : filters.size();
                total += n;
                if (n > MAX_PER_GROUP || total > MAX_FILTERS) {
                    throw ApiError.validation("Too many filters: at most " + MAX_PER_GROUP + " per group and "
                            + MAX_FILTERS + " in all");
                }
                Predicate<Snap> and = s -> true;
                for (int i = 0; i < n; i++) {
                    Filters.check(filters.get(i));
                    and = and.and(Filters.compile(store, filters.get(i)));
                }
                ors.add(and);
            }
        }
        Predicate<Snap> filtered = ors.isEmpty() ? s -> true : ors.stream().reduce(s -> false, Predicate::or);
        String query = Json.text(body, "query", null);
        return query == null || query.isBlank() ? filtered : filtered.and(SearchSort.query(store, query));
    }

    private static int offset(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.validation("after must be a paging token from a previous answer, got '" + after + "'");
        }
    }
}
