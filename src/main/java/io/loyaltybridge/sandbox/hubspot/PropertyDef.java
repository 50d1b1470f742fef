package io.loyaltybridge.sandbox.hubspot;

import java.util.List;

/**
 * A property definition as the properties API shows it.
 *
 * @param derived computed from the record itself (id and timestamps), never stored, never writable
 */
public record PropertyDef(String name, String label, String type, String fieldType, String groupName,
                          String description, List<Option> options, int displayOrder, boolean hasUniqueValue,
                          boolean hubspotDefined, boolean derived, long createdAt) {

    public record Option(String label, String value, int displayOrder, boolean hidden, String description) {
    }

    static PropertyDef builtIn(String name, String label, String type, String fieldType, String group) {
        return new PropertyDef(name, label, type, fieldType, group, "", List.of(), -1, false, true, false, 0);
    }

    static PropertyDef derived(String name, String label, String type, String fieldType, String group) {
        return new PropertyDef(name, label, type, fieldType, group, "", List.of(), -1, false, true, true, 0);
    }

    PropertyDef unique() {
        return new PropertyDef(name, label, type, fieldType, groupName, description, options, displayOrder, true,
                hubspotDefined, derived, createdAt);
    }

    PropertyDef withOptions(String... values) {
        List<Option> opts = java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> new Option(values[i], values[i], i, false, "")).toList();
        return new PropertyDef(name, label, type, fieldType, groupName, description, opts, displayOrder,
                hasUniqueValue, hubspotDefined, derived, createdAt);
    }
}
