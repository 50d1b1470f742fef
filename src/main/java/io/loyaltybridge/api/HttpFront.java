package io.loyaltybridge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.util.Set;

/**
 * What the HTTP server does before and around Camel's routes, in Vert.x itself:
 * <ul>
 * <li>an {@code /api} request without a valid token is answered 401 before its body is read: Camel's routes buffer
 * the whole body before any of our code runs, so checking the token there let anyone fill the heap with 4 MB
 * bodies. The same gate answers 429 over the token's rate and 403 when the route's declared role is not the
 * token's ({@link ApiGuard#admit}), before the record is looked up. The connection is closed behind such an
 * answer, so an unread body is dropped, not drained;</li>
 * <li>every error the router answers itself (unknown path, wrong method, body over the transport limit, ...)
 * becomes an {@code application/problem+json} body instead of Vert.x's HTML page or an empty body.</li>
 * </ul>
 * {@link ApiGuard} still checks the token of every call; this is the earlier, cheaper gate.
 */
public final class HttpFront {
    /** The paths under /api anyone may read: the API's own description. */
    static final Set<String> PUBLIC_PATHS = Set.of(OpenApiDocument.PATH);
    private static final int[] ERRORS = {400, 401, 403, 404, 405, 406, 408, 413, 414, 415, 431, 500, 501, 503};

    private HttpFront() {
    }

    /**
     * Installs the gate and the error answers once Camel Main has started the HTTP server (it binds the router as it
     * starts), just before the routes start taking traffic.
     */
    public static void installOnStart(org.apache.camel.main.Main main, ApiGuard guard) {
        java.util.concurrent.atomic.AtomicBoolean installed = new java.util.concurrent.atomic.AtomicBoolean();
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void afterConfigure(org.apache.camel.main.BaseMainSupport configured) {
                CamelContext camel = configured.getCamelContext();
                // Deny by default: a REST route without a declared role stops the start, every one listed.
                RouteRoles routes = RouteRoles.of(camel);
                if (!routes.problems().isEmpty()) {
                    throw new IllegalStateException("every REST route must declare the roles that may call it:\n  "
                            + String.join("\n  ", routes.problems()));
                }
                guard.useRoutes(routes);
                camel.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
                    @Override
                    public void notify(org.apache.camel.spi.CamelEvent event) {
                        if (event.getType() == org.apache.camel.spi.CamelEvent.Type.RoutesStarting
                                && !installed.get()) {
                            install(camel, guard);
                            installed.set(true);
                        }
                    }
                });
            }

            @Override
            public void afterStart(org.apache.camel.main.BaseMainSupport started) {
                // Camel only logs an event notifier's exception: never run without the gate.
                if (!installed.get()) {
                    throw new IllegalStateException("the HTTP front (token gate, problem answers) could not be"
                            + " installed; see the warning above");
                }
            }
        });
    }

    /** Installs the gate and the error answers on the platform-http router; call before the routes take traffic. */
    public static void install(CamelContext camel, ApiGuard guard) {
        // Camel Main binds the router under a name with the port in it; find it by type, skipping a management
        // server of its own (health and metrics on another port).
        var routers = camel.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(r -> !r.isManagementServer()).toList();
        if (routers.isEmpty()) {
            throw new IllegalStateException("the platform-http server is not running (camel.server.enabled)");
        }
        for (Router router : routers) {
            // Before every Camel route (their order is 0 and up), so before their body handlers.
            router.route("/api/*").order(-1000).handler(ctx -> gate(ctx, guard));
            // After every Camel route: what none of them served.
            router.route().order(Integer.MAX_VALUE).handler(ctx -> unserved(ctx, router));
            // A failure inside a route (the body handler's 413, an exception Camel hands back) reaches the failure
            // handlers, not the error handlers of this sub-router: answer it here in the same shape.
            router.route().order(-1001).failureHandler(ctx -> answer(ctx, router,
                    ctx.statusCode() >= 400 ? ctx.statusCode() : 500));
            for (int status : ERRORS) {
                router.errorHandler(status, ctx -> answer(ctx, router, status));
            }
        }
    }

    /** No route matched both path and method: 405 when some route serves the path, 404 otherwise. */
    private static void unserved(RoutingContext ctx, Router router) {
        answer(ctx, router, allowed(router, ctx).isEmpty() ? 404 : 405);
    }

    private static void gate(RoutingContext ctx, ApiGuard guard) {
        if (PUBLIC_PATHS.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ApiGuard.Refusal refusal = guard.admit(ctx.request().method().name(), ctx.normalizedPath(),
                ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (refusal == null) {
            ctx.next();
            return;
        }
        var response = ctx.response().setStatusCode(refusal.problem().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        refusal.headers().forEach(response::putHeader);
        if (!ctx.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(ApiGuard.json(refusal.problem()));
    }

    private static void answer(RoutingContext ctx, Router router, int status) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        var response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        if (status == 405) {
            response.putHeader(HttpHeaders.ALLOW, allowed(router, ctx));
        }
        response.end(ApiGuard.json(problem(ctx, status)));
    }

    private static Problem problem(RoutingContext ctx, int status) {
        String path = Text.visible(ctx.normalizedPath());
        return switch (status) {
            case 404 -> Problem.of(404, "not_found", "Not found", "nothing is served at " + path
                    + "; the API is under /api (see /api/openapi.json)");
            case 405 -> Problem.of(405, "method_not_allowed", "Method not allowed",
                    ctx.request().method().name() + " is not served at " + path);
            case 413 -> Problem.of(413, "body_too_large", "The request body is too large",
                    "the body exceeds what the server reads");
            case 500 -> Problem.of(500, "internal_error", "Internal error",
                    "the request could not be completed; it has been logged");
            default -> Problem.of(status, "http_" + status, io.netty.handler.codec.http.HttpResponseStatus
                    .valueOf(status).reasonPhrase(), "the server could not handle this request as sent");
        };
    }

    /** The methods some route serves at this path, for the Allow header of a 405. */
    private static String allowed(Router router, RoutingContext ctx) {
        Set<String> methods = new java.util.TreeSet<>();
        for (var route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null && matches(route.getPath(), ctx.normalizedPath())) {
                route.methods().forEach(m -> methods.add(m.name()));
            }
        }
        return String.join(", ", methods);
    }

    /** Vert.x path templates ({@code /api/members/:id}) against a request path. */
    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith(":") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }
}
