package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.data.OrgData;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;

import java.util.ArrayList;
import java.util.List;

/** Runs a bound query over the org's records; the caller holds the read lock. */
public final class Executor {
    private Executor() {
    }

    /** Matching records in query order; deleted records only for queryAll, as in Salesforce. */
    public static List<SRecord> run(OrgData org, BoundQuery q, boolean includeDeleted) {
        List<SRecord> out = new ArrayList<>();
        for (SRecord r : org.records(q.type())) {
            if ((includeDeleted || !r.isDeleted()) && q.where().test(r)) {
                out.add(r);
            }
        }
        return sortAndLimit(out, q);
    }

    /**
     * The children of {@code parent} that a subquery selects; deleted ones only under queryAll, which (as in
     * Salesforce) returns deleted child rows with {@code IsDeleted} true.
     */
    public static List<SRecord> children(SRecord parent, BoundQuery sub, boolean includeDeleted) {
        List<SRecord> out = new ArrayList<>();
        for (SRecord child : parent.children()) {
            if ((includeDeleted || !child.isDeleted()) && sub.where().test(child)) {
                out.add(child);
            }
        }
        return sortAndLimit(out, sub);
    }

    private static List<SRecord> sortAndLimit(List<SRecord> rows, BoundQuery q) {
        if (q.order() != null) {
            rows.sort(q.order()); // stable: ties keep creation order, like Salesforce's Id order
        }
        if (q.limit() != null && rows.size() > q.limit()) {
            return new ArrayList<>(rows.subList(0, q.limit()));
        }
        return rows;
    }
}
