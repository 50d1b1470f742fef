package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.data.Ids;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open query cursors behind {@code nextRecordsUrl}. The matching records are fixed when the query runs (as in
 * Salesforce); their field values are read when each page is fetched. Old cursors are dropped beyond a bound,
 * like Salesforce drops cursors beyond its per-user limit.
 */
public final class QueryCursors {
    private static final int MAX_OPEN = 1000;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN;
        }
    };

    /** {@code all}: opened by queryAll, so child subqueries on later pages include deleted rows too. */
    public record Cursor(BoundQuery query, List<SRecord> rows, int batchSize, boolean all) {
    }

    public synchronized String open(BoundQuery query, List<SRecord> rows, int batchSize, boolean all) {
        String id = Ids.of("01g", next.incrementAndGet());
        open.put(id, new Cursor(query, rows, batchSize, all));
        return id;
    }

    public synchronized Cursor get(String id) {
        return open.get(id);
    }

    public synchronized void close(String id) {
        open.remove(id);
    }
}
