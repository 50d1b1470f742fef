package io.loyaltybridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL the core runs on: an embedded server keeping its files under the data folder when no URL is
 * given, otherwise the server at the URL. Migrations run on open, so the schema is always current.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final String description;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Connects to a PostgreSQL server by JDBC URL; user and password may be null when the URL carries them. */
    public static Database connect(String url, String user, String password, int poolSize) {
        return new Database(null, pool(url, user, password, poolSize), "PostgreSQL at " + withoutQuery(url));
    }

    /** Starts (or restarts on its existing files) an embedded PostgreSQL under {@code dataDir/postgres}. */
    public static Database embedded(Path dataDir, int port, int poolSize) {
        Path files = dataDir.resolve("postgres");
        try {
            Files.createDirectories(files);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(files)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            return new Database(server, pool(url, "postgres", null, poolSize),
                    "embedded PostgreSQL on port " + server.getPort() + ", files in " + files);
        } catch (IOException e) {
            throw new StoreException("could not start embedded PostgreSQL in " + files + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("loyalty-db");
        // Fail fast when no connection comes: on shutdown the embedded server stops alongside us (its own hook),
        // and waiting the default 30 s per attempt would hold the whole process up.
        config.setConnectionTimeout(5_000);
        // Server error details quote row values (emails); keep them out of exceptions and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Applies pending migrations; refuses to run against a schema newer than this build knows. */
    public Database migrate() {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info("Database ready: {} (schema version {}, {} migrations applied now)", description,
                result.targetSchemaVersion, result.migrationsExecuted);
        return this;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
