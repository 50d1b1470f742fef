package io.loyaltybridge.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical floor: how long PostgreSQL takes to COPY every row the backfill left in the database (every table
 * the run wrote) into scratch tables {@code LIKE t INCLUDING ALL} (same columns, defaults, identities, checks and
 * indexes, unique keys included), on the same server in the same run. The rows are the real ones, read with
 * {@code COPY t TO STDOUT} and streamed into {@code COPY scratch FROM STDIN} on a second connection, so the floor
 * writes exactly what the backfill wrote. No program, no CRM, no round trips: what no connector can beat.
 */
final class CopyFloor {
    static final String PREFIX = "bench_floor_";

    /** One table's share of the floor. */
    record Table(String name, long rows, long nanos) {
    }

    private CopyFloor() {
    }

    /** Copies every non-empty table but Flyway's history; the scratch tables are dropped afterwards. */
    static List<Table> measure(BenchDatabase db) {
        List<Table> out = new ArrayList<>();
        try (Connection from = db.connect(); Connection to = db.connect()) {
            for (String table : tablesWithRows(from)) {
                out.add(copy(from, to, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the COPY floor could not be measured: " + e.getMessage(), e);
        }
        return out;
    }

    static long rows(List<Table> tables) {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    static long nanos(List<Table> tables) {
        return tables.stream().mapToLong(Table::nanos).sum();
    }

    private static List<String> tablesWithRows(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables"
                + " WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'"
                + " AND tablename NOT LIKE '" + PREFIX + "%' ORDER BY tablename")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<String> written = new ArrayList<>();
        for (String name : names) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(name) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    written.add(name);
                }
            }
        }
        return written;
    }

    private static Table copy(Connection from, Connection to, String table) throws SQLException {
        String scratch = quote(PREFIX + table);
        String columns = String.join(", ", storedColumns(from, table));
        try (Statement s = to.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + scratch);
            s.execute("CREATE TABLE " + scratch + " (LIKE " + quote(table) + " INCLUDING ALL)");
            try {
                long rows = 0;
                long start = System.nanoTime();
                CopyOut out = from.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY " + quote(table) + " (" + columns + ") TO STDOUT");
                CopyIn in = to.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + scratch + " (" + columns + ") FROM STDIN");
                try {
                    byte[] row;
                    while ((row = out.readFromCopy()) != null) {
                        in.writeToCopy(row, 0, row.length);
                    }
                    rows = in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                return new Table(table, rows, System.nanoTime() - start);
            } finally {
                s.execute("DROP TABLE " + scratch);
            }
        }
    }

    /** Generated columns cannot be copied in (PostgreSQL computes them), so both COPYs name the stored ones. */
    private static List<String> storedColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT attname FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
                + " ORDER BY attnum")) {
            p.setString(1, quote(table));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    columns.add(quote(rs.getString(1)));
                }
            }
        }
        return columns;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
