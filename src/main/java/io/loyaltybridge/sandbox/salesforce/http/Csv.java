package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Values;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;

import java.util.List;

/** Bulk results as Salesforce writes them: a header row of field paths, every value quoted, nulls empty, LF. */
final class Csv {
    private Csv() {
    }

    static String write(BoundQuery q, List<SRecord> rows) {
        StringBuilder out = new StringBuilder(64 + rows.size() * 120);
        List<BoundQuery.Column> columns = q.columns();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(((BoundQuery.FieldColumn) columns.get(i)).header()));
        }
        out.append('\n');
        for (SRecord r : rows) {
            for (int i = 0; i < columns.size(); i++) {
                BoundQuery.FieldColumn c = (BoundQuery.FieldColumn) columns.get(i);
                Object v = Values.external(c.accessor().leaf().type(), c.accessor().read(r));
                out.append(i == 0 ? "" : ",");
                if (v != null) {
                    out.append(quote(v instanceof Double d ? plain(d) : v.toString()));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** 120.0 is written "120" as Salesforce does, 12.5 stays "12.5". */
    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
