package io.loyaltybridge.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Rows appended to a table with one {@code COPY ... FROM STDIN} (text format), for the batch writes where COPY pays:
 * it skips binding every column as an array and unnesting it again, and PostgreSQL inserts the rows in bulk. Values
 * are written with {@code toString()} (an {@link java.time.Instant} prints as ISO-8601, which timestamptz reads);
 * null is {@code \N}. A duplicate key fails the whole COPY: callers that must not write a row twice tell it apart
 * with {@link #isUniqueViolation}.
 */
final class CopyRows {
    private static final int BUFFER = 1 << 16;

    private CopyRows() {
    }

    /** Copies one row per item into {@code table (columns)}; answers the rows copied. */
    static <T> long copy(Transactions tx, String tableAndColumns, List<T> items, Function<T, Object[]> row) {
        try (PGCopyOutputStream out = new PGCopyOutputStream(tx.connection().unwrap(PGConnection.class),
                "COPY " + tableAndColumns + " FROM STDIN", BUFFER)) {
            StringBuilder text = new StringBuilder(512);
            for (T item : items) {
                text.setLength(0);
                Object[] values = row.apply(item);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    CopyText.field(text, values[i] == null ? null : values[i].toString());
                }
                out.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
            out.endCopy();
            return items.size();
        } catch (SQLException | IOException e) {
            throw new StoreException("could not copy rows into " + tableAndColumns.split(" ", 2)[0], e);
        }
    }

    static boolean isUniqueViolation(RuntimeException failure) {
        return Sql.isUniqueViolation(failure);
    }
}
