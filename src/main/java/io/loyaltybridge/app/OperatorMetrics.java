package io.loyaltybridge.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What every Prometheus user expects beside Camel's and the sync's figures, bound once Camel has made the registry:
 * the connection pool (HikariCP's own Micrometer tracker: {@code hikaricp_connections_*}) and the HTTP server's
 * requests ({@code http_server_requests_seconds} by method, route template, status and outcome, as Spring Boot
 * names them, so ready-made dashboards fit). The JVM and process binders come from {@code camel.metrics.binders}.
 */
final class OperatorMetrics {
    static final String HTTP_REQUESTS = "http.server.requests";
    /** Before every route the API and the status page add, so the timer sees each request from its start. */
    private static final int FIRST = -1_000_000;
    private static final Duration[] BUCKETS = java.util.stream.LongStream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500,
            5000, 10_000).mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private OperatorMetrics() {
    }

    static void bind(MeterRegistry registry, CamelContext camel, DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        // The API's server, and the management server's when camel.management.port gives it its own.
        for (VertxPlatformHttpRouter router : camel.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            router.route().order(FIRST).handler(ctx -> time(registry, ctx));
        }
    }

    private static void time(MeterRegistry registry, RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            Timer.builder(HTTP_REQUESTS).description("HTTP requests served, by route template and status")
                    .tag("method", ctx.request().method().name())
                    .tag("uri", template(ctx.currentRoute(), status))
                    .tag("status", Integer.toString(status))
                    .tag("outcome", outcome(status))
                    // Fixed buckets (not Micrometer's ~70): enough for a p95 panel, few series per route.
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }

    /**
     * The route's template ({@code /api/members/:id}), never the path as sent: member ids and probes for random
     * paths would make a new series each. A request no route took is "UNMATCHED".
     */
    static String template(Route route, int status) {
        String path = route == null ? null : route.getPath();
        if (path == null || path.isEmpty()) {
            return status == 404 ? "NOT_FOUND" : "UNMATCHED";
        }
        return path;
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }
}
