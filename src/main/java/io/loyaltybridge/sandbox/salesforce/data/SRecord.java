package io.loyaltybridge.sandbox.salesforce.data;

import java.util.Arrays;

/**
 * One record: an array of values in field order, no map, no id string (the id is derived from the type's prefix
 * and the sequence number), lookups held as the referenced record itself. This keeps a million orders affordable.
 * Callers hold {@link OrgData}'s lock while reading or writing values.
 */
public final class SRecord {
    private static final SRecord[] NO_CHILDREN = new SRecord[0];

    private final SObjectType type;
    private final int seq;
    private final Object[] values;
    private SRecord[] children = NO_CHILDREN;

    SRecord(SObjectType type, int seq) {
        this.type = type;
        this.seq = seq;
        this.values = new Object[type.fields().size()];
    }

    public SObjectType type() {
        return type;
    }

    public int seq() {
        return seq;
    }

    public String id() {
        return Ids.of(type.keyPrefix(), seq);
    }

    public Object get(int field) {
        return field == 0 ? id() : values[field];
    }

    public Object get(String field) {
        int i = type.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("No field " + field + " on " + type.name());
        }
        return get(i);
    }

    void set(int field, Object value) {
        values[field] = value;
    }

    public boolean isDeleted() {
        int field = type.indexOf("IsDeleted");
        return field >= 0 && Boolean.TRUE.equals(values[field]); // Organization has no IsDeleted
    }

    /** Records of the only child relationship we model (Order → OrderItems). */
    public SRecord[] children() {
        return children;
    }

    void addChild(SRecord child) {
        children = Arrays.copyOf(children, children.length + 1);
        children[children.length - 1] = child;
    }
}
