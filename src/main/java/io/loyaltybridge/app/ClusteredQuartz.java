package io.loyaltybridge.app;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Camel's quartz component on Quartz's clustered JDBC job store, in the app's own database (tables from migration
 * V5) through the app's own connection pool. Every instance schedules the same triggers under one scheduler name;
 * Quartz's row locks make each firing happen on one instance only, and the jobs of an instance that stops checking
 * in are recovered by the others. Stateful (non-concurrent) jobs such as the CRM polls never run on two instances at
 * once. Without loyalty.cluster.enabled the component keeps its in-memory store: a single instance needs no
 * database round trips for its once-a-second poll tick, and a restart starts its triggers afresh.
 */
final class ClusteredQuartz {
    /** An arbitrary number, the same on every instance: the key of the start lock. */
    private static final long START_LOCK = 7_514_202_605L;

    private ClusteredQuartz() {
    }

    static QuartzComponent component(DataSource dataSource, Config config) {
        // Quartz finds data sources by name in a JVM-wide registry; a unique name keeps two apps in one JVM apart.
        String name = "loyalty-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, new Pool(dataSource));
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "loyaltybridge");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "4");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", name);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Integer.toString(config.get(ClusterSettings.CHECKIN_MS)));
        // A poll tick that could not fire on time (all instances busy or stopped) fires once late, not skipped for a
        // minute (Quartz's default threshold).
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "2000");
        QuartzComponent component = new QuartzComponent();
        component.setProperties(quartz);
        component.setPrefixInstanceName(false); // one scheduler name on every instance: that makes the cluster
        return component;
    }

    /**
     * With several instances, one starts its routes at a time (a PostgreSQL advisory lock, held until Camel is up):
     * camel-quartz creates a job in the shared store when it finds none, and two instances doing that at the same
     * moment would make the slower one fail with "job already exists". Single instance: nothing to wait for.
     */
    static Turn startTurn(DataSource dataSource, Config config) {
        if (!config.get(ClusterSettings.ENABLED)) {
            return () -> { };
        }
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + START_LOCK + ")");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return () -> {
                // Closing the connection would not release the lock: Hikari keeps the session open in the pool.
                try (connection; var statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + START_LOCK + ")");
                } catch (SQLException e) {
                    throw new StartupException("cannot release the cluster start lock: " + e.getMessage(), e);
                }
            };
        } catch (SQLException e) {
            throw new StartupException("cannot take the cluster start lock: " + e.getMessage(), e);
        }
    }

    /** A held start turn; closing it lets the next instance start. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Lends Quartz connections from the app's pool; the pool is closed by the app, not by Quartz. */
    private record Pool(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
