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
    private final BenchDatabase server;
    private final String name;

    private BenchDatabase(String url, EmbeddedPostgres embedded, Map<String, String> env) {
        this(url, embedded, env, null, null);
    }

    private BenchDatabase(String url, EmbeddedPostgres embedded, Map<String, String> env, BenchDatabase server,
                          String name) {
        this.url = url;
        this.embedded = embedded;
        this.server = server;
        this.name = name;
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

    /**
     * A new, empty database on the same server (each CRM's run starts from nothing, as a first sync does), dropped
     * when closed. The server's user must be allowed to create databases.
     */
    BenchDatabase sibling(String database) {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark could not create database " + database + ": "
                    + e.getMessage(), e);
        }
        String other = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        Map<String, String> env = new java.util.HashMap<>();
        credentials.forEach((k, v) -> env.put(k.equals("user") ? "LOYALTY_DB_USER" : "LOYALTY_DB_PASSWORD",
                (String) v));
        return new BenchDatabase(other, null, env, this, database);
    }

    /** A server setting as a new session sees it, e.g. synchronous_commit. */
    String setting(String setting) {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark could not read " + setting, e);
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
        if (server != null) {
            try (Connection c = server.connect(); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IOException("the benchmark could not drop database " + name, e);
            }
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
