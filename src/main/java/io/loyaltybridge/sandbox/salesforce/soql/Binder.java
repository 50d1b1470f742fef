package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import io.loyaltybridge.sandbox.salesforce.soql.Ast.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks a parsed query against the org's objects and turns it into a runnable {@link BoundQuery}. */
public final class Binder {
    private final Schemas schemas;
    private final String soql;

    public Binder(Schemas schemas, String soql) {
        this.schemas = schemas;
        this.soql = soql;
    }

    public static BoundQuery compile(Schemas schemas, String soql) {
        return new Binder(schemas, soql).bind(Parser.parse(soql), null);
    }

    private BoundQuery bind(Query q, SObjectType parent) {
        SObjectType type = parent == null ? topType(q) : childType(q, parent);
        if (q.count() && parent != null) {
            throw Parser.malformed(soql, q.fromPos(), "count() is not supported in a child subquery");
        }
        List<BoundQuery.Column> columns = new ArrayList<>();
        for (Item item : q.select()) {
            if (item instanceof FieldPath p) {
                columns.add(new BoundQuery.FieldColumn(accessor(type, p)));
            } else if (parent != null) {
                throw Parser.malformed(soql, q.fromPos(), "Nesting of child subqueries is not supported");
            } else {
                Query sub = ((SubQuery) item).query();
                columns.add(new BoundQuery.ChildColumn(type.child(sub.from()) == null ? sub.from()
                        : type.child(sub.from()).name(), bind(sub, type)));
            }
        }
        Conditions conditions = new Conditions(this, type);
        return new BoundQuery(type, columns, q.where() == null ? r -> true : conditions.predicate(q.where()),
                ordering(type, q.orderBy()), q.limit(), q.count());
    }

    private SObjectType topType(Query q) {
        SObjectType type = schemas.get(q.from());
        if (type == null) {
            throw new SoqlException("INVALID_TYPE", Parser.located(soql, q.fromPos(), "sObject type '" + q.from()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c'"
                    + " after the entity name. Please reference your WSDL or the describe call for the appropriate"
                    + " names."));
        }
        return type;
    }

    private SObjectType childType(Query q, SObjectType parent) {
        SObjectType.ChildRelationship rel = parent.child(q.from());
        if (rel == null) {
            throw new SoqlException("INVALID_TYPE", Parser.located(soql, q.fromPos(), "Didn't understand relationship '"
                    + q.from() + "' in FROM part of query call. If you are attempting to use a custom relationship,"
                    + " be sure to append the '__r' after the custom relationship name. Please reference your WSDL"
                    + " or the describe call for the appropriate names."));
        }
        return schemas.get(rel.childType());
    }

    Accessor accessor(SObjectType type, FieldPath path) {
        List<FieldDef> hops = new ArrayList<>();
        List<SObjectType> hopTypes = new ArrayList<>();
        SObjectType current = type;
        List<String> parts = path.parts();
        // a leading object name is allowed: SELECT Contact.Email FROM Contact
        int start = parts.size() > 1 && parts.get(0).equalsIgnoreCase(type.name()) ? 1 : 0;
        for (int i = start; i < parts.size() - 1; i++) {
            FieldDef lookup = current.lookupByRelationship(parts.get(i));
            if (lookup == null) {
                throw invalidField(path, "Didn't understand relationship '" + parts.get(i) + "' in field path. If you"
                        + " are attempting to use a custom relationship, be sure to append the '__r' after the custom"
                        + " relationship name. Please reference your WSDL or the describe call for the appropriate"
                        + " names.");
            }
            hops.add(lookup);
            hopTypes.add(current);
            current = schemas.get(lookup.referenceTo());
        }
        String leafName = parts.get(parts.size() - 1);
        int leaf = current.indexOf(leafName);
        if (leaf < 0 || schemas.hidden(current, leafName)) {
            throw invalidField(path, "No such column '" + leafName + "' on entity '" + current.name() + "'. If you"
                    + " are attempting to use a custom field, be sure to append the '__c' after the custom field name."
                    + " Please reference your WSDL or the describe call for the appropriate names.");
        }
        int[] hopIndexes = new int[hops.size()];
        for (int i = 0; i < hops.size(); i++) {
            hopIndexes[i] = hopTypes.get(i).indexOf(hops.get(i).name());
        }
        return new Accessor(hops, hopTypes, current.field(leaf), leaf, hopIndexes);
    }

    SoqlException invalidField(FieldPath path, String detail) {
        return new SoqlException("INVALID_FIELD", Parser.located(soql, path.pos(), detail));
    }

    SoqlException invalidField(int pos, String detail) {
        return new SoqlException("INVALID_FIELD", Parser.located(soql, pos, detail));
    }

    SoqlException invalidFilter(int pos, String detail) {
        return new SoqlException("INVALID_QUERY_FILTER_OPERATOR", Parser.located(soql, pos, detail));
    }

    private Comparator<SRecord> ordering(SObjectType type, List<Order> orderBy) {
        Comparator<SRecord> result = null;
        for (Order o : orderBy) {
            Accessor a = accessor(type, o.field());
            Comparator<Object> values = Conditions::compareValues;
            Comparator<Object> withNulls = o.nullsFirst() ? Comparator.nullsFirst(o.descending() ? values.reversed()
                    : values) : Comparator.nullsLast(o.descending() ? values.reversed() : values);
            Comparator<SRecord> c = Comparator.comparing(a::comparable, withNulls);
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }
}
