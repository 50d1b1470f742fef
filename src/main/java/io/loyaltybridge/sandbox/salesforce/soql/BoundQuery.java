package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A query checked against the org's objects, ready to run: what to select, filter, sort and how many. */
public record BoundQuery(SObjectType type, List<Column> columns, Predicate<SRecord> where,
                         Comparator<SRecord> order, Integer limit, boolean count) {

    public sealed interface Column permits FieldColumn, ChildColumn {
    }

    /** A selected field, possibly through lookups ({@code Product2.Family}). */
    public record FieldColumn(Accessor accessor) implements Column {
        public String header() {
            StringBuilder out = new StringBuilder();
            accessor.hops().forEach(h -> out.append(h.relationshipName()).append('.'));
            return out.append(accessor.leaf().name()).toString();
        }
    }

    /** A child subquery such as {@code (SELECT Quantity FROM OrderItems)}. */
    public record ChildColumn(String relationship, BoundQuery query) implements Column {
    }

    public boolean hasChildColumns() {
        return columns.stream().anyMatch(c -> c instanceof ChildColumn);
    }
}
