package io.loyaltybridge.sandbox.hubspot;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of one type. Writes are serialised per type (a few microseconds each); reads see immutable versions
 * without locking. Unique properties (email, and any created with hasUniqueValue) are indexed case-insensitively.
 */
final class ObjectStore {
    final ObjectType type;
    final PropertyCatalog catalog;
    private final ChunkedTable table;
    private final Clock clock;
    private final long delayMillis;
    private final Map<String, Map<String, Long>> unique = new ConcurrentHashMap<>();
    /** Merged-away id -> the id it was merged into; reads of the old id answer with the survivor. */
    private final Map<Long, Long> mergedInto = new ConcurrentHashMap<>();

    ObjectStore(ObjectType type, Clock clock, long delayMillis) {
        this.type = type;
        this.catalog = new PropertyCatalog(type);
        this.table = new ChunkedTable(type.firstId);
        this.clock = clock;
        this.delayMillis = delayMillis;
    }

    /** Checks and normalises written values; unknown and read-only properties are refused as HubSpot does. */
    Map<String, String> normalize(Map<String, String> input) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : input.entrySet()) {
            PropertyDef def = catalog.get(e.getKey());
            if (def == null) {
                throw ApiError.validation("Property values were not valid: [{\"isValid\":false,\"message\":"
                        + Json.quote("Property \"" + e.getKey() + "\" does not exist")
                        + ",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":" + Json.quote(e.getKey()) + "}]")
                        .with("propertyName", e.getKey()).with("error", "PROPERTY_DOESNT_EXIST");
            }
            if (def.derived()) {
                throw ValueRules.invalid(type, def, e.getValue(), "READ_ONLY_VALUE",
                        "Property \"" + def.name() + "\" is read-only");
            }
            out.put(def.name(), ValueRules.normalize(type, def, e.getValue()));
        }
        return out;
    }

    synchronized Snap create(Map<String, String> values, long createdAt) {
        checkUnique(values, 0);
        long id = table.allocate();
        String[] slots = new String[catalog.slotCount()];
        values.forEach((k, v) -> slots[catalog.slot(k)] = v);
        Snap s = new Snap(id, createdAt, createdAt, 0, slots, null);
        table.put(s);
        index(null, s);
        return s;
    }

    /** Applies values; returns the previous version, or null when nothing changed (HubSpot then keeps the date). */
    synchronized Snap[] update(long id, Map<String, String> values) {
        Snap old = live(id);
        checkUnique(values, old.id());
        String[] next = old.copyValues(catalog.slotCount());
        boolean changed = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            int slot = catalog.slot(e.getKey());
            changed |= !java.util.Objects.equals(next[slot], e.getValue());
            next[slot] = e.getValue();
        }
        if (!changed) {
            return new Snap[] {old, old};
        }
        Snap s = old.next(next, clock.millis(), 0, delayMillis);
        table.put(s);
        index(old, s);
        return new Snap[] {old, s};
    }

    synchronized Snap setArchived(long id, boolean archived) {
        Snap old = table.get(resolve(id));
        if (old == null || old.archived() == archived) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", String.valueOf(id));
        }
        if (!archived) {
            checkUnique(valuesOf(old), old.id());
        }
        long now = clock.millis();
        Snap s = old.next(old.values(), now, archived ? now : 0, delayMillis);
        table.put(s);
        index(old, archived ? null : s);
        return s;
    }

    /** Permanently removes a record (GDPR delete, or the merged-away side of a merge). */
    synchronized Snap purge(long id) {
        Snap old = live(id);
        table.remove(old.id());
        index(old, null);
        return old;
    }

    synchronized void redirect(long mergedId, long survivorId) {
        mergedInto.put(mergedId, survivorId);
        mergedInto.replaceAll((k, v) -> v == mergedId ? survivorId : v);
    }

    /** The id a request for {@code id} reaches, following merges. */
    long resolve(long id) {
        return mergedInto.getOrDefault(id, id);
    }

    /** The current version, archived or not, or null. */
    Snap find(long id) {
        return table.get(resolve(id));
    }

    /** The current unarchived version, or a 404 in HubSpot's shape. */
    Snap live(long id) {
        Snap s = find(id);
        if (s == null || s.archived()) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", String.valueOf(id));
        }
        return s;
    }

    Long findUnique(String property, String value) {
        Map<String, Long> idx = unique.get(property);
        return idx == null || value == null ? null : idx.get(value.toLowerCase());
    }

    String value(Snap s, String name) {
        if (name.equals("hs_object_id")) {
            return String.valueOf(s.id());
        }
        if (name.equals(type.createdProperty)) {
            return ValueRules.iso(s.createdAt());
        }
        if (name.equals(type.modifiedProperty)) {
            return ValueRules.iso(s.updatedAt());
        }
        return s.value(catalog.slot(name));
    }

    Map<String, String> valuesOf(Snap s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PropertyDef d : catalog.all()) {
            String v = d.derived() ? null : s.value(catalog.slot(d.name()));
            if (v != null) {
                out.put(d.name(), v);
            }
        }
        return out;
    }

    ChunkedTable table() {
        return table;
    }

    long indexingDelayMillis() {
        return delayMillis;
    }

    long now() {
        return clock.millis();
    }

    private void checkUnique(Map<String, String> values, long selfId) {
        for (PropertyDef d : catalog.all()) {
            String v = values.get(d.name());
            if (d.hasUniqueValue() && v != null) {
                Long owner = findUnique(d.name(), v);
                if (owner != null && owner != selfId) {
                    throw ApiError.conflict(capital(type.singular) + " already exists. Existing ID: " + owner)
                            .with("existingId", String.valueOf(owner)).with("propertyName", d.name());
                }
            }
        }
    }

    private void index(Snap old, Snap now) {
        for (PropertyDef d : catalog.all()) {
            if (!d.hasUniqueValue()) {
                continue;
            }
            Map<String, Long> idx = unique.computeIfAbsent(d.name(), k -> new ConcurrentHashMap<>());
            int slot = catalog.slot(d.name());
            String before = old == null || old.archived() ? null : old.value(slot);
            if (before != null) {
                idx.remove(before.toLowerCase(), old.id());
            }
            String after = now == null ? null : now.value(slot);
            if (after != null) {
                idx.put(after.toLowerCase(), now.id());
            }
        }
    }

    /** Points a unique value (the merged contact's email) at another record. */
    synchronized void alias(String property, String value, long id) {
        unique.computeIfAbsent(property, k -> new ConcurrentHashMap<>()).put(value.toLowerCase(), id);
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    List<PropertyDef> properties() {
        return catalog.all();
    }
}
