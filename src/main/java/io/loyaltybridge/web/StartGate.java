package io.loyaltybridge.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of the HTTP server: until every route is started it answers 503 with {@code Retry-After} and a
 * problem body, so a request sent in that window (the port is open before Camel adds the REST routes) is told to
 * come back instead of getting a 404 that reads like "no such resource". It closes again when the app stops.
 */
public final class StartGate implements Handler<RoutingContext> {
    private static final String STARTING = problem("LoyaltyBridge is starting; retry in a moment.");
    private static final String STOPPING = problem("LoyaltyBridge is stopping; retry in a moment (or on another "
            + "instance).");

    private volatile boolean open;
    private volatile boolean stopping;

    /** Every route is started: requests go through from now on. */
    public void open() {
        open = true;
    }

    /** The app is stopping: requests are refused again while routes stop. */
    public void close() {
        stopping = true;
        open = false;
    }

    @Override
    public void handle(RoutingContext context) {
        if (open) {
            context.next();
            return;
        }
        context.response().setStatusCode(503).putHeader("Retry-After", "1")
                .putHeader("Content-Type", "application/problem+json")
                .end(stopping ? STOPPING : STARTING);
    }

    private static String problem(String detail) {
        return "{\"type\":\"https://loyaltybridge.io/problems/unavailable\",\"title\":\"Service unavailable\","
                + "\"status\":503,\"code\":\"unavailable\",\"detail\":\"" + detail + "\"}";
    }
}
