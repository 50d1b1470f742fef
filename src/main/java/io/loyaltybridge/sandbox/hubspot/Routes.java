package io.loyaltybridge.sandbox.hubspot;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: body reading, the {@link Gate}, every API, and error answers. Handlers run on Vert.x worker threads
 * (unordered, so in parallel): a search over a million orders must not stall the event loop.
 */
final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    /** Registers a handler for one method and path, run off the event loop. */
    static final class Mounter {
        void get(Router r, String path, Handler<RoutingContext> h) {
            r.route(HttpMethod.GET, path).blockingHandler(h, false);
        }

        void post(Router r, String path, Handler<RoutingContext> h) {
            r.route(HttpMethod.POST, path).blockingHandler(h, false);
        }

        void patch(Router r, String path, Handler<RoutingContext> h) {
            r.route(HttpMethod.PATCH, path).blockingHandler(h, false);
        }

        void delete(Router r, String path, Handler<RoutingContext> h) {
            r.route(HttpMethod.DELETE, path).blockingHandler(h, false);
        }
    }

    private Routes() {
    }

    static Router build(Vertx vertx, Gate gate, CrmData data, OAuthApi oauth, Pipelines pipelines,
                        AccountApi account, FeedbackAccess feedback) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create().setBodyLimit(16L * 1024 * 1024));
        oauth.mount(r);
        r.route().handler(gate::handle);
        r.route().handler(feedback::handle);
        Mounter m = new Mounter();
        pipelines.mount(r, m);
        account.mount(r, m);
        new ContactsApi(data).mount(r, m);
        new BatchApi(data).mount(r, m);
        new SearchApi(data).mount(r, m);
        new ObjectsApi(data).mount(r, m);
        new PropertiesApi(data).mount(r, m);
        new AssociationsApi(data).mount(r, m);
        r.route().handler(ctx -> Reply.error(ctx, ApiError.notServed(ctx.request().method() + " "
                + ctx.normalizedPath())));
        r.route().failureHandler(Routes::failure);
        return r;
    }

    private static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof ApiError e) {
            Reply.error(ctx, e);
            return;
        }
        if (t == null && ctx.statusCode() == 413) {
            Reply.error(ctx, new ApiError(413, "VALIDATION_ERROR", null, "The request body is too large"));
            return;
        }
        LOG.warn("HubSpot sandbox failed on {} {}", ctx.request().method(), ctx.normalizedPath(), t);
        Reply.error(ctx, new ApiError(500, "INTERNAL_ERROR", null,
                "internal error: " + (t == null ? "status " + ctx.statusCode() : t.toString())));
    }
}
