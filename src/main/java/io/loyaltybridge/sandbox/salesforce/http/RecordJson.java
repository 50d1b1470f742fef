package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.FieldType;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Values;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;
import io.loyaltybridge.sandbox.salesforce.soql.Executor;

import java.io.IOException;
import java.util.List;

/**
 * Writes records as the REST API does: an {@code attributes} object first, lookups selected through relationships
 * as nested records (or null), child subqueries as nested query results (or null when empty).
 */
final class RecordJson {
    private final String version;
    private final boolean all;
    private final int childPage;
    private final QueryCursors cursors;

    /** For a single record's read: no child subqueries to page. */
    RecordJson(String version) {
        this(version, false, Integer.MAX_VALUE, null);
    }

    /**
     * {@code all}: a queryAll, whose child subqueries include deleted rows; {@code childPage}: child rows written
     * inline before a nested {@code nextRecordsUrl} (opened in {@code cursors}) takes over.
     */
    RecordJson(String version, boolean all, int childPage, QueryCursors cursors) {
        this.version = version;
        this.all = all;
        this.childPage = childPage;
        this.cursors = cursors;
    }

    void write(JsonGenerator g, SRecord r, BoundQuery q) throws IOException {
        startRecord(g, r);
        List<BoundQuery.Column> columns = q.columns();
        for (int i = 0; i < columns.size(); i++) {
            BoundQuery.Column c = columns.get(i);
            if (c instanceof BoundQuery.ChildColumn child) {
                writeChildren(g, r, child);
            } else if (((BoundQuery.FieldColumn) c).accessor().hops().isEmpty()) {
                FieldDef f = ((BoundQuery.FieldColumn) c).accessor().leaf();
                g.writeFieldName(f.name());
                value(g, f, r.get(((BoundQuery.FieldColumn) c).accessor().leafIndex()));
            } else if (firstWithSameHop(columns, i)) {
                writeRelated(g, r, columns, ((BoundQuery.FieldColumn) c).accessor().hops().get(0), 0);
            }
        }
        g.writeEndObject();
    }

    /** Writes every selected column going through {@code hop} at {@code depth} as one nested record. */
    private void writeRelated(JsonGenerator g, SRecord r, List<BoundQuery.Column> columns, FieldDef hop, int depth)
            throws IOException {
        g.writeFieldName(hop.relationshipName());
        SRecord related = (SRecord) r.get(hop.name());
        if (related == null) {
            g.writeNull();
            return;
        }
        startRecord(g, related);
        java.util.Set<FieldDef> written = new java.util.HashSet<>();
        for (BoundQuery.Column c : columns) {
            if (!(c instanceof BoundQuery.FieldColumn fc) || fc.accessor().hops().size() <= depth
                    || fc.accessor().hops().get(depth) != hop) {
                continue;
            }
            List<FieldDef> hops = fc.accessor().hops();
            if (hops.size() == depth + 1) {
                g.writeFieldName(fc.accessor().leaf().name());
                value(g, fc.accessor().leaf(), related.get(fc.accessor().leafIndex()));
            } else if (written.add(hops.get(depth + 1))) {
                writeRelated(g, related, columns, hops.get(depth + 1), depth + 1);
            }
        }
        g.writeEndObject();
    }

    private static boolean firstWithSameHop(List<BoundQuery.Column> columns, int index) {
        FieldDef hop = ((BoundQuery.FieldColumn) columns.get(index)).accessor().hops().get(0);
        for (int i = 0; i < index; i++) {
            if (columns.get(i) instanceof BoundQuery.FieldColumn fc && !fc.accessor().hops().isEmpty()
                    && fc.accessor().hops().get(0) == hop) {
                return false;
            }
        }
        return true;
    }

    private void writeChildren(JsonGenerator g, SRecord parent, BoundQuery.ChildColumn child) throws IOException {
        g.writeFieldName(child.relationship());
        List<SRecord> rows = Executor.children(parent, child.query(), all);
        if (rows.isEmpty()) {
            g.writeNull();
            return;
        }
        int inline = Math.min(rows.size(), childPage);
        g.writeStartObject();
        g.writeNumberField("totalSize", rows.size());
        g.writeBooleanField("done", inline == rows.size());
        if (inline < rows.size()) {
            String id = cursors.open(child.query(), rows, childPage, all);
            g.writeStringField("nextRecordsUrl", "/services/data/v" + version + "/query/" + id + "-" + inline);
        }
        g.writeArrayFieldStart("records");
        for (SRecord row : rows.subList(0, inline)) {
            write(g, row, child.query());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    void startRecord(JsonGenerator g, SRecord r) throws IOException {
        SObjectType t = r.type();
        g.writeStartObject();
        g.writeObjectFieldStart("attributes");
        g.writeStringField("type", t.name());
        g.writeStringField("url", "/services/data/v" + version + "/sobjects/" + t.name() + "/" + r.id());
        g.writeEndObject();
    }

    static void value(JsonGenerator g, FieldDef f, Object stored) throws IOException {
        Object v = Values.external(f.type(), stored);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** Every field of a record, as {@code GET /sobjects/{type}/{id}} answers. */
    void writeAll(JsonGenerator g, SRecord r) throws IOException {
        startRecord(g, r);
        for (int i = 0; i < r.type().fields().size(); i++) {
            FieldDef f = r.type().field(i);
            g.writeFieldName(f.name());
            value(g, f, f.type() == FieldType.ID ? r.id() : r.get(i));
        }
        g.writeEndObject();
    }
}
