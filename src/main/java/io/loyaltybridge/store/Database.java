package io.loyaltybridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The PostgreSQL the core runs on: an embedded server keeping its files under the data folder when no URL is
 * given, otherwise the server at the URL. Migrations run on open, so the schema is always current.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedServer embedded;
    private final HikariDataSource dataSource;
    private final String description;

    private Database(EmbeddedServer embedded, HikariDataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Connects to a PostgreSQL server by JDBC URL; user and password may be null when the URL carries them. */
    public static Database connect(String url, String user, String password, int poolSize) {
        return new Database(null, pool(url, user, password, poolSize), "PostgreSQL at " + withoutQuery(url));
    }

    /**
     * Starts (or restarts on its existing files) an embedded PostgreSQL under {@code dataDir/postgres}, durable, after
     * stopping one that a killed app left running there (see {@link EmbeddedServer}).
     */
    public static Database embedded(Path dataDir, int port, int poolSize) {
        Path files = dataDir.resolve("postgres");
        try {
            EmbeddedServer server = EmbeddedServer.start(files, port);
            try {
                String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
                return new Database(server, pool(url, "postgres", null, poolSize),
                        "embedded PostgreSQL on port " + server.port() + ", files in " + files);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("could not start embedded PostgreSQL in " + files + ": " + e.getMessage(), e);
        }
    }

    /**
     * Before a data folder is emptied: stops a PostgreSQL that a killed app left running on it (else it would run on,
     * on deleted files, for ever); refuses while a live app uses the folder.
     */
    public static void releaseLeftBehind(Path dataDir) {
        EmbeddedServer.releaseLeftBehind(dataDir);
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("loyalty-db");
        // Fail fast when no connection comes rather than hold a request (or the stop) up for the default 30 s.
        config.setConnectionTimeout(5_000);
        // Server error details quote row values (emails); keep them out of exceptions and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Applies pending migrations; refuses to run against a schema newer than this build knows. */
    public Database migrate() {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info("Database ready: {} (schema version {}, {} migrations applied now; {})", description,
                result.targetSchemaVersion, result.migrationsExecuted, durability());
        return this;
    }

    /** What the server says of the settings a committed write's survival rests on, e.g. "fsync=on, ...". */
    public String durability() {
        StringBuilder shown = new StringBuilder();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "full_page_writes", "synchronous_commit"}) {
                try (var rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    shown.append(shown.isEmpty() ? "" : ", ").append(setting).append('=').append(rows.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot read the server's durability settings: " + e.getMessage(), e);
        }
        return shown.toString();
    }

    /** Makes an embedded server started by other code (the benchmark's) as durable as the app's own. */
    public static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return EmbeddedServer.durable(builder);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        // The pool first: its connections end before the server stops, so PostgreSQL logs no terminated session.
        try {
            dataSource.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
