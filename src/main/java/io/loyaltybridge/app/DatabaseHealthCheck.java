package io.loyaltybridge.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

/**
 * Readiness of the database: a connection from the pool answers a trivial query within two seconds. Not a
 * liveness check — a database outage should take the app out of rotation, not get it restarted.
 */
final class DatabaseHealthCheck extends AbstractHealthCheck {
    private final DataSource dataSource;

    DatabaseHealthCheck(DataSource dataSource) {
        super("loyaltybridge", "database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up();
            } else {
                builder.down().message("the database did not answer within 2 seconds");
            }
        } catch (Exception e) {
            builder.down().message("no database connection: " + e.getClass().getSimpleName());
        }
    }
}
