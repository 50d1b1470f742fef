package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;

import java.util.List;

/**
 * Reads a bound field path from a record: follows the lookups ({@code hops}) and returns the leaf's stored value,
 * or null as soon as a lookup is empty.
 */
public record Accessor(List<FieldDef> hops, List<SObjectType> hopTypes, FieldDef leaf, int leafIndex,
                       int[] hopIndexes) {

    public Object read(SRecord record) {
        SRecord r = record;
        for (int hopIndex : hopIndexes) {
            r = (SRecord) r.get(hopIndex);
            if (r == null) {
                return null;
            }
        }
        return r.get(leafIndex);
    }

    /** Id strings for lookups and ids, stored values otherwise: what comparisons and sorting work on. */
    public Object comparable(SRecord record) {
        Object v = read(record);
        return v instanceof SRecord ref ? ref.id() : v;
    }
}
