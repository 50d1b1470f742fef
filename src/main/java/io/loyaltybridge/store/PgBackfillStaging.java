package io.loyaltybridge.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scratch order lines of one backfill run (see V19): loaded with COPY as the CRM's Bulk results stream in, read back
 * for a page of orders with one statement, deleted when the run ends. A run begins by deleting whatever an earlier
 * run of the same CRM left behind (it failed or was stopped before its end).
 */
public final class PgBackfillStaging {
    /** One order line as the CRM wrote it; every value is text, null when empty. */
    public record Line(String orderId, String itemId, String deleted, String quantity, String unitPrice,
                       String productCode, String productFamily) {
    }

    private static final int COPY_BUFFER = 1 << 16;
    private final Transactions tx;
    private final Sql sql;

    public PgBackfillStaging(Transactions tx) {
        this.tx = tx;
        this.sql = new Sql(tx);
    }

    /**
     * A new run of {@code system}'s backfill. An earlier run's leftovers are deleted first, and with them any rows
     * whose run is gone (a copy still running when its run was deleted).
     */
    public long begin(String system) {
        sql.update("DELETE FROM backfill_runs WHERE system = ?", system);
        sql.update("DELETE FROM backfill_order_lines l WHERE NOT EXISTS (SELECT 1 FROM backfill_runs r"
                + " WHERE r.run_id = l.run_id)");
        return sql.one("INSERT INTO backfill_runs (system) VALUES (?) RETURNING run_id", row -> row.getLong(1), system)
                .orElseThrow();
    }

    /**
     * Copies up to {@code max} lines from {@code lines} with one COPY (the lines are read as they are sent, never
     * all held); answers how many were copied. A COPY into this index-only table takes no row locks another
     * transaction could contend for, so the retry of a deadlocked transaction never replays a consumed stream.
     */
    public long copy(long run, Iterator<Line> lines, int max) {
        try (PGCopyOutputStream out = new PGCopyOutputStream(tx.connection().unwrap(PGConnection.class),
                "COPY backfill_order_lines (run_id, order_id, item_id, deleted, quantity, unit_price, product_code,"
                        + " product_family) FROM STDIN", COPY_BUFFER)) {
            String prefix = run + "\t";
            StringBuilder text = new StringBuilder(256);
            long copied = 0;
            while (copied < max && lines.hasNext()) {
                Line line = lines.next();
                text.setLength(0);
                text.append(prefix);
                CopyText.field(text, line.orderId()).append('\t');
                CopyText.field(text, line.itemId()).append('\t');
                CopyText.field(text, line.deleted()).append('\t');
                CopyText.field(text, line.quantity()).append('\t');
                CopyText.field(text, line.unitPrice()).append('\t');
                CopyText.field(text, line.productCode()).append('\t');
                CopyText.field(text, line.productFamily()).append('\n');
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                copied++;
            }
            return copied;
        } catch (SQLException | IOException e) {
            throw new StoreException("could not stage backfill lines", e);
        }
    }

    /**
     * The staged lines of these orders, by order id, each order's in item id order (as a REST read lists them, so
     * both ways store the same lines in the same order); an order without lines is absent. Fails when the run was
     * taken over (another instance began a run of the same CRM and deleted this one's rows): an order must never be
     * settled without lines it has. The run is checked after the lines are read: a run still there then was there
     * when they were read, as its rows and its run row are deleted in one transaction.
     */
    public Map<String, List<Line>> linesOf(long run, Collection<String> orderIds) {
        Map<String, List<Line>> found = new HashMap<>();
        Sql.TextArray ids = new Sql.TextArray(orderIds.toArray(String[]::new));
        for (Line line : sql.list("SELECT order_id, item_id, deleted, quantity, unit_price, product_code,"
                        + " product_family FROM backfill_order_lines WHERE run_id = ? AND order_id = ANY (?)"
                        + " ORDER BY item_id COLLATE \"C\"",
                row -> new Line(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)), run, ids)) {
            found.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(line);
        }
        if (sql.one("SELECT 1 FROM backfill_runs WHERE run_id = ?", row -> true, run).isEmpty()) {
            throw new IllegalStateException("backfill run " + run + " was taken over by a newer run; its staged"
                    + " lines are gone");
        }
        return found;
    }

    /** The run is over, done or not: its scratch rows go. */
    public void end(long run) {
        sql.update("DELETE FROM backfill_order_lines WHERE run_id = ?", run);
        sql.update("DELETE FROM backfill_runs WHERE run_id = ?", run);
    }
}
