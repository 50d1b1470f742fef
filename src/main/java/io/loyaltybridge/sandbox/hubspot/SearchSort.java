package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one sort a search may have, and the free-text query. The spec types {@code sorts} as strings while HubSpot's
 * guide sends objects {propertyName, direction}; both are accepted: a string is a property name, a leading '-'
 * sorting descending. Ties fall back to the record id, so pages are stable.
 */
final class SearchSort {
    private static final Map<ObjectType, List<String>> QUERY_FIELDS = Map.of(
            ObjectType.CONTACTS, List.of("email", "firstname", "lastname"),
            ObjectType.ORDERS, List.of("hs_order_name"),
            ObjectType.DEALS, List.of("dealname"),
            ObjectType.LINE_ITEMS, List.of("name", "hs_sku"));

    private SearchSort() {
    }

    static Comparator<Snap> of(ObjectStore store, JsonNode sorts) {
        Comparator<Snap> byId = Comparator.comparingLong(Snap::id);
        if (sorts == null || !sorts.isArray() || sorts.isEmpty()) {
            return byId;
        }
        if (sorts.size() > 1) {
            throw ApiError.validation("Only one sort is supported, got " + sorts.size());
        }
        JsonNode s = sorts.get(0);
        String name;
        boolean descending;
        if (s.isTextual()) {
            name = s.asText().startsWith("-") ? s.asText().substring(1) : s.asText();
            descending = s.asText().startsWith("-");
        } else {
            name = Json.text(s, "propertyName", null);
            descending = "DESCENDING".equalsIgnoreCase(Json.text(s, "direction", "ASCENDING"));
        }
        PropertyDef def = name == null ? null : store.catalog.get(name);
        if (def == null) {
            throw ApiError.validation("Cannot sort by unknown property '" + name + "'").with("propertyName", "" + name);
        }
        // Each record's sort key is computed once per search: parsing values inside every comparison made a sort
        // of 10 000 records take a second.
        Map<Snap, Optional<Comparable<?>>> keys = new IdentityHashMap<>();
        Function<Snap, Optional<Comparable<?>>> key = snap -> keys.computeIfAbsent(snap, x -> {
            String v = store.value(x, name);
            return v == null ? Optional.empty() : Optional.of(Filters.key(def, v));
        });
        Comparator<Snap> byValue = (a, b) -> {
            Optional<Comparable<?>> ka = key.apply(a);
            Optional<Comparable<?>> kb = key.apply(b);
            if (ka.isEmpty() || kb.isEmpty()) {
                return ka.isEmpty() ? (kb.isEmpty() ? 0 : 1) : -1;
            }
            return Filters.cmp(ka.get(), kb.get());
        };
        return (descending ? byValue.reversed() : byValue).thenComparing(byId);
    }

    /** HubSpot's {@code query}: a record matches when one of its default text fields starts with or contains it. */
    static Predicate<Snap> query(ObjectStore store, String query) {
        String q = query.toLowerCase().trim();
        return s -> QUERY_FIELDS.getOrDefault(store.type, List.of("hs_object_id")).stream()
                .map(f -> store.value(s, f))
                .anyMatch(v -> v != null && v.toLowerCase().contains(q));
    }
}
