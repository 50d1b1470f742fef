package io.loyaltybridge.sandbox.hubspot;

import java.util.Arrays;

/**
 * One immutable version of a record. Writers replace the version in the table, so readers never lock. Values sit in
 * an array indexed by property slot (see {@link PropertyCatalog}); derived properties come from the fields.
 *
 * @param indexed the version search still sees while this one waits out the indexing delay (null when none)
 */
record Snap(long id, long createdAt, long updatedAt, long archivedAt, String[] values, Snap indexed) {

    String value(int slot) {
        return slot >= 0 && slot < values.length ? values[slot] : null;
    }

    boolean archived() {
        return archivedAt != 0;
    }

    /** The version a search made at {@code now} finds, or null if the record is not searchable yet. */
    Snap searchable(long now, long delayMillis) {
        return updatedAt + delayMillis <= now ? this : indexed;
    }

    /** A successor; keeps the version search can see until the successor is indexed. */
    Snap next(String[] newValues, long now, long archived, long delayMillis) {
        Snap visible = delayMillis == 0 ? null : searchable(now, delayMillis);
        if (visible != null && visible.indexed != null) {
            visible = new Snap(visible.id, visible.createdAt, visible.updatedAt, visible.archivedAt, visible.values, null);
        }
        return new Snap(id, createdAt, now, archived, newValues, visible);
    }

    String[] copyValues(int size) {
        return Arrays.copyOf(values, Math.max(size, values.length));
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Snap[" + id + "]";
    }
}
