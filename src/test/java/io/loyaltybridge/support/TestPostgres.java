package io.loyaltybridge.support;

import io.loyaltybridge.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (starting one takes seconds), and a fresh, empty database in
 * it for each test class that asks, so classes never see each other's rows.
 */
public final class TestPostgres {
    /**
     * The server's folder: one per surefire fork (the build runs two forks side by side, each with its own server),
     * named by the build in {@code test.postgres.dir}.
     */
    public static final Path DATA_DIR = Path.of(System.getProperty("test.postgres.dir", "target/test-postgres"));
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean templateReady;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(DATA_DIR)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /**
     * Creates a database with the current schema and no rows, and returns its JDBC URL (user postgres). It is a
     * copy of a template migrated once per run: copying takes milliseconds, migrating takes a second.
     */
    public static synchronized String freshDatabase() {
        if (!templateReady) {
            execute("CREATE DATABASE loyalty_template");
            try (Database template = Database.connect(url("loyalty_template"), null, null, 3)) {
                template.migrate();
            }
            templateReady = true;
        }
        String name = "test_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE loyalty_template");
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=postgres";
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "'", e);
        }
    }
}
