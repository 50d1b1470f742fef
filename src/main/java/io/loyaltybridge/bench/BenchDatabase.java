package io.loyaltybridge.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The database the benchmark runs on: a given server (its credentials from LOYALTY_DB_USER / LOYALTY_DB_PASSWORD, as
 * for the app) or an embedded PostgreSQL in a fresh temporary folder, removed afterwards.
 */
final class BenchDatabase implements AutoCloseable {
    private final String url;
    private final Properties credentials = new Properties();
    private final EmbeddedPostgres embedded;

    private BenchDatabase(String url, EmbeddedPostgres embedded, Map<String, String> env) {
        this.url = url;
        this.embedded = embedded;
        if (env.get("LOYALTY_DB_USER") != null) {
            credentials.setProperty("user", env.get("LOYALTY_DB_USER"));
        }
        if (env.get("LOYALTY_DB_PASSWORD") != null) {
            credentials.setProperty("password", env.get("LOYALTY_DB_PASSWORD"));
        }
    }

    static BenchDatabase open(String givenUrl, Path tempDir, Map<String, String> env) {
        if (givenUrl != null) {
            return new BenchDatabase(givenUrl, null, env);
        }
        try {
            Path files = Files.createDirectories(tempDir.resolve("postgres"));
            // As durable as the app's embedded default, so the figures are what users get.
            EmbeddedPostgres server = io.loyaltybridge.store.Database.durable(EmbeddedPostgres.builder()
                    .setDataDirectory(files).setCleanDataDirectory(true)).start();
            return new BenchDatabase("jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres",
                    server, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + tempDir, e);
        }
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    long count(String sql) {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark query failed: " + sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
