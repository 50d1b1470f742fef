package io.loyaltybridge.contests;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.program.Program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** The flat test program with three tiers, a minimum order, a USD rate and the given contests; plain row writers. */
public final class ContestWorld {
    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private ContestWorld() {
    }

    public static String programText(String contests) {
        try {
            String flat = Files.readString(Path.of("src/test/resources/programs/flat.yaml"));
            return flat.replace("minimumOrder: 0\n  returnWindowDays", "minimumOrder: 5\n  returnWindowDays")
                    .replace("currency: EUR\n", "currency: EUR\ncurrencies:\n  USD: 0.5\n")
                    .replace("""
                                - name: member
                                  threshold: 0
                                  multiplier: 1
                            """, """
                                - name: member
                                  threshold: 0
                                  multiplier: 1
                                - name: silver
                                  threshold: 500
                                  multiplier: 1
                                - name: gold
                                  threshold: 1000
                                  multiplier: 1
                            """)
                    + contests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Program program(String contests) {
        return ProgramFile.parse(programText(contests).getBytes(StandardCharsets.UTF_8), "contests-test.yaml");
    }

    /** Runs one statement per row given, in one transaction. */
    static void write(DataSource dataSource, String sql, Iterable<Object[]> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, row[i] instanceof Instant at ? Timestamp.from(at) : row[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
