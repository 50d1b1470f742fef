package io.loyaltybridge.bench;

import org.postgresql.PGConnection;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The physical floor: how long PostgreSQL takes to load the same number of ledger rows with {@code COPY} into a
 * scratch table shaped like ledger_entries (same columns, defaults, identity and indexes, the unique operation key
 * included), on the same server in the same run. No program, no CRM, no round trips: what no connector can beat.
 */
final class CopyFloor {
    private CopyFloor() {
    }

    /** Answers the nanoseconds the COPY took; the scratch table is dropped afterwards. */
    static long measure(BenchDatabase db, long rows) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy_floor");
            s.execute("CREATE TABLE bench_copy_floor (LIKE ledger_entries INCLUDING ALL)");
            try {
                long start = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy_floor (member_id, account, points,"
                        + " kind, reason, source_system, source_id, rule_version, created_at, effective_at,"
                        + " operation_key, order_id) FROM STDIN", new Rows(rows));
                return System.nanoTime() - start;
            } finally {
                s.execute("DROP TABLE bench_copy_floor");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("the COPY floor could not be measured: " + e.getMessage(), e);
        }
    }

    /** Generates the rows as they are read, so a million of them never sit in memory at once. */
    private static final class Rows extends Reader {
        private final long total;
        private long next;
        private String line = "";
        private int at;

        Rows(long total) {
            this.total = total;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == line.length()) {
                if (next == total) {
                    return -1;
                }
                line = row(next++);
                at = 0;
            }
            int n = Math.min(length, line.length() - at);
            line.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        private static String row(long i) {
            return (1 + i % 10_000) + "\tpoints\t" + (1 + i % 300) + "\tearn\torder completed\tsalesforce\t801BENCH"
                    + i + "\tbench\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\tbench:order:" + i + ":1\t"
                    + (1 + i) + "\n";
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
