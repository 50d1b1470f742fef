package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Records as the v3 objects API shows them (SimplePublicObject). */
final class Views {
    private static final Map<ObjectType, List<String>> DEFAULTS = Map.of(
            ObjectType.CONTACTS, List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate",
                    "lastname"),
            ObjectType.ORDERS, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id"),
            ObjectType.DEALS, List.of("amount", "closedate", "createdate", "dealname", "dealstage",
                    "hs_lastmodifieddate", "hs_object_id", "pipeline"),
            ObjectType.NOTES, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id", "hs_timestamp"),
            ObjectType.FEEDBACK_SUBMISSIONS, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id"),
            ObjectType.LINE_ITEMS, List.of("amount", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_sku",
                    "name", "price", "quantity"));

    private Views() {
    }

    static List<String> defaults(ObjectType t) {
        return DEFAULTS.get(t);
    }

    /**
     * The record with the asked-for properties (the type's defaults when none are asked for). Unknown names are
     * ignored, as HubSpot does; empty values are left out because the spec types them as non-null strings.
     */
    static ObjectNode object(ObjectStore store, Snap s, Collection<String> asked) {
        ObjectNode o = Json.object();
        o.put("id", String.valueOf(s.id()));
        ObjectNode props = o.putObject("properties");
        Collection<String> names = asked == null || asked.isEmpty() ? defaults(store.type) : asked;
        for (String n : names) {
            if (store.catalog.get(n) != null) {
                String v = store.value(s, n);
                if (v != null) {
                    props.put(n, v);
                }
            }
        }
        o.put("createdAt", ValueRules.iso(s.createdAt()));
        o.put("updatedAt", ValueRules.iso(s.updatedAt()));
        o.put("archived", s.archived());
        if (s.archived()) {
            o.put("archivedAt", ValueRules.iso(s.archivedAt()));
        }
        return o;
    }

    static List<String> names(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return List.of(csv.split(",")).stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * Every value of a query parameter that may repeat: HubSpot takes both {@code properties=a&properties=b} (the
     * spec's form, and the official SDKs') and {@code properties=a,b}, and mixes of the two.
     */
    static List<String> names(List<String> values) {
        return values.stream().flatMap(v -> names(v).stream()).distinct().toList();
    }
}
