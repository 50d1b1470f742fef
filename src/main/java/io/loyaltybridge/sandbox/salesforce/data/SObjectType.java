package io.loyaltybridge.sandbox.salesforce.data;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shape of one sObject: its fields in a fixed order (records store values by that index) and relationships. */
public final class SObjectType {
    private final String name;
    private final String keyPrefix;
    private final List<FieldDef> fields;
    private final Map<String, Integer> byLowerName = new HashMap<>();
    private final Map<String, ChildRelationship> children = new HashMap<>();
    private final boolean changeEvents;
    private boolean apiReadOnly;

    /** A child relationship such as Order.OrderItems: the child object and its lookup field back to the parent. */
    public record ChildRelationship(String name, String childType, String field) {
    }

    public SObjectType(String name, String keyPrefix, boolean changeEvents, List<FieldDef> fields) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.changeEvents = changeEvents;
        this.fields = List.copyOf(fields);
        for (int i = 0; i < fields.size(); i++) {
            byLowerName.put(fields.get(i).name().toLowerCase(Locale.ROOT), i);
        }
    }

    SObjectType withChild(ChildRelationship child) {
        children.put(child.name().toLowerCase(Locale.ROOT), child);
        return this;
    }

    /** Records Salesforce itself writes (survey responses): the API may query and retrieve them, never write. */
    SObjectType readOnlyThroughApi() {
        this.apiReadOnly = true;
        return this;
    }

    public boolean apiReadOnly() {
        return apiReadOnly;
    }

    /**
     * Refuses an API write ("inserted", "updated", "deleted") to an object Salesforce writes itself, as Salesforce
     * answers it: INVALID_TYPE_FOR_OPERATION, "entity type cannot be inserted: SurveyResponse".
     */
    public void checkApiWrite(String verb) {
        if (apiReadOnly) {
            throw new FieldError("INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + verb + ": " + name,
                    List.of());
        }
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** Whether Change Data Capture is enabled for this object in the sandbox org. */
    public boolean changeEvents() {
        return changeEvents;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    /** Field index by API name, case-insensitive like SOQL and the REST API; -1 when there is no such field. */
    public int indexOf(String fieldName) {
        Integer i = byLowerName.get(fieldName.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    public FieldDef field(int index) {
        return fields.get(index);
    }

    /** The lookup field whose relationship name is {@code relationship} (e.g. "Product2" → Product2Id), or null. */
    public FieldDef lookupByRelationship(String relationship) {
        for (FieldDef f : fields) {
            if (f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(relationship)) {
                return f;
            }
        }
        return null;
    }

    /** The named child relationship of {@code childType} through its lookup {@code field}, or null when unnamed. */
    public ChildRelationship childFor(String childType, String field) {
        for (ChildRelationship c : children.values()) {
            if (c.childType().equals(childType) && c.field().equals(field)) {
                return c;
            }
        }
        return null;
    }

    public ChildRelationship child(String relationship) {
        return children.get(relationship.toLowerCase(Locale.ROOT));
    }
}
