package io.loyaltybridge.sandbox.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties and groups of one object type. Each stored property gets a slot, its index in a record's value
 * array, so records stay arrays of strings rather than maps.
 */
final class PropertyCatalog {
    private static final Map<String, Set<String>> FIELD_TYPES = Map.of(
            "number", Set.of("number"),
            "date", Set.of("date"),
            "datetime", Set.of("date"),
            "enumeration", Set.of("select", "radio", "checkbox", "booleancheckbox"),
            "string", Set.of("text", "textarea", "html", "file", "phonenumber"),
            "phone_number", Set.of("phonenumber", "text"),
            "bool", Set.of("booleancheckbox"));

    final ObjectType type;
    private final Map<String, PropertyDef> byName = new LinkedHashMap<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Map<String, PropertyGroup> groups = new LinkedHashMap<>();

    PropertyCatalog(ObjectType type) {
        this.type = type;
        StandardProperties.install(this);
    }

    synchronized PropertyDef get(String name) {
        return byName.get(name);
    }

    synchronized List<PropertyDef> all() {
        return new ArrayList<>(byName.values());
    }

    /** Slot of a stored property, -1 for derived or unknown ones. */
    synchronized int slot(String name) {
        return slots.getOrDefault(name, -1);
    }

    synchronized int slotCount() {
        return slots.size();
    }

    synchronized List<PropertyGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    synchronized PropertyGroup group(String name) {
        return groups.get(name);
    }

    synchronized PropertyGroup addGroup(PropertyGroup group) {
        if (groups.containsKey(group.name())) {
            throw ApiError.conflict("A property group named '" + group.name() + "' already exists.")
                    .with("name", group.name());
        }
        groups.put(group.name(), group);
        return group;
    }

    /** Adds a property after the checks HubSpot makes: a known group, a type/fieldType pair that fits, options. */
    synchronized PropertyDef add(PropertyDef def) {
        if (byName.containsKey(def.name())) {
            throw new ApiError(409, "OBJECT_ALREADY_EXISTS", null,
                    "Property already exists: " + def.name()).with("name", def.name());
        }
        check(def);
        if (!def.derived()) {
            slots.put(def.name(), slots.size());
        }
        byName.put(def.name(), def);
        return def;
    }

    /** Replaces an existing property's definition (a PATCH), with the same checks as a creation; its slot stays. */
    synchronized PropertyDef replace(PropertyDef def) {
        check(def);
        byName.put(def.name(), def);
        return def;
    }

    private void check(PropertyDef def) {
        if (!def.name().matches("[a-z][a-z0-9_]*")) {
            throw ApiError.validation("Property name '" + def.name()
                    + "' must start with a lowercase letter and hold only lowercase letters, digits and '_'");
        }
        if (!groups.containsKey(def.groupName())) {
            throw ApiError.validation("Property group '" + def.groupName() + "' does not exist for "
                    + type.path).with("groupName", def.groupName());
        }
        Set<String> fits = FIELD_TYPES.get(def.type());
        if (fits == null || !fits.contains(def.fieldType())) {
            throw ApiError.validation("Property type '" + def.type() + "' cannot be shown with field type '"
                    + def.fieldType() + "'; allowed: " + (fits == null ? "none (unknown type)" : fits))
                    .with("type", def.type()).with("fieldType", def.fieldType());
        }
        if (def.type().equals("enumeration") && def.options().isEmpty()) {
            throw ApiError.validation("Enumeration property '" + def.name() + "' needs at least one option");
        }
    }

    /** Adds options to an enumeration (a new pipeline's stages become options of the stage property). */
    synchronized void addOptions(String name, List<String> values) {
        PropertyDef def = byName.get(name);
        List<String> all = new ArrayList<>(def.options().stream().map(PropertyDef.Option::value).toList());
        values.stream().filter(v -> !all.contains(v)).forEach(all::add);
        byName.put(name, def.withOptions(all.toArray(String[]::new)));
    }
}
