package io.loyaltybridge.sandbox.salesforce.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.concurrent.TimeUnit;

/**
 * The two HTTP faces of the sandbox on loopback: the login URL (OAuth only, like login.salesforce.com) and the
 * instance URL (OAuth plus the REST API). Two ports, so tests prove a client follows {@code instance_url}.
 */
public final class HttpFront implements AutoCloseable {
    private static final String DATA = "/services/data/v(\\d+\\.\\d)";
    private final Vertx vertx = Vertx.vertx();
    private final Peer peer;
    private HttpServer login;
    private HttpServer instance;

    public HttpFront(Peer peer) {
        this.peer = peer;
    }

    public void start(int loginPort, int instancePort) throws Exception {
        // Salesforce takes request URIs up to 16,384 bytes (a longer one is refused with 414 URI Too Long); Vert.x's
        // default of 4,096 would refuse a queryAll naming 200 ids, which Salesforce serves.
        HttpServerOptions opts = new HttpServerOptions().setHost("127.0.0.1").setCompressionSupported(true)
                .setMaxInitialLineLength(16_384);
        Router loginRouter = oauthRouter();
        loginRouter.route().last().handler(HttpFront::notServed);
        // listen(port) alone binds 0.0.0.0 whatever the options say: the host is given again here.
        login = vertx.createHttpServer(opts).requestHandler(loginRouter).listen(loginPort, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        instance = vertx.createHttpServer(opts).requestHandler(apiRouter()).listen(instancePort, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        peer.urls("http://127.0.0.1:" + login.actualPort(), "http://127.0.0.1:" + instance.actualPort());
    }

    private Router oauthRouter() {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        OAuthEndpoint oauth = new OAuthEndpoint(peer);
        r.post("/services/oauth2/token").handler(oauth::token);
        r.route("/services/oauth2/revoke").method(HttpMethod.GET).method(HttpMethod.POST).handler(oauth::revoke);
        return r;
    }

    private Router apiRouter() {
        Router r = oauthRouter();
        ApiGate gate = new ApiGate(peer);
        QueryEndpoint query = new QueryEndpoint(peer);
        CompositeEndpoint composite = new CompositeEndpoint(peer);
        SObjectEndpoint sobjects = new SObjectEndpoint(peer);
        BulkQueryEndpoint bulk = new BulkQueryEndpoint(peer);
        UpsertEndpoint upsert = new UpsertEndpoint(peer);
        DescribeEndpoint describe = new DescribeEndpoint(peer);
        r.get("/services/data").handler(c -> gate.serve(c, "versions", sobjects::versions));
        r.get("/services/data/").handler(c -> gate.serve(c, "versions", sobjects::versions));
        r.getWithRegex(DATA + "/limits/?").handler(c -> gate.serve(c, "limits", sobjects::limits));
        r.getWithRegex(DATA + "/query/?").handler(c -> gate.serve(c, "query", call -> query.query(call, false)));
        r.getWithRegex(DATA + "/queryAll/?").handler(c -> gate.serve(c, "queryAll", call -> query.query(call, true)));
        r.getWithRegex(DATA + "/query(?:All)?/([^/]+)").handler(c -> gate.serve(c, "queryMore",
                call -> query.more(call, param(c, 1))));
        r.patchWithRegex(DATA + "/composite/sobjects/?").handler(c -> gate.serve(c, "composite.update",
                call -> composite.save(call, false)));
        r.postWithRegex(DATA + "/composite/sobjects/?").handler(c -> gate.serve(c, "composite.create",
                call -> composite.save(call, true)));
        r.postWithRegex(DATA + "/sobjects/(\\w+)/?").handler(c -> gate.serve(c, "sobject.create",
                call -> sobjects.create(call, param(c, 1))));
        r.getWithRegex(DATA + "/sobjects/?").handler(c -> gate.serve(c, "describeGlobal", describe::global));
        r.getWithRegex(DATA + "/sobjects/(\\w+)/describe/?").handler(c -> gate.serve(c, "describe",
                call -> describe.describe(call, param(c, 1))));
        r.getWithRegex(DATA + "/sobjects/(\\w+)/?").handler(c -> gate.serve(c, "sobject.basic",
                call -> describe.basic(call, param(c, 1))));
        r.getWithRegex(DATA + "/sobjects/(\\w+)/(\\w+)/?").handler(c -> gate.serve(c, "sobject.get",
                call -> sobjects.get(call, param(c, 1), param(c, 2))));
        r.patchWithRegex(DATA + "/sobjects/(\\w+)/(\\w+)/?").handler(c -> gate.serve(c, "sobject.update",
                call -> sobjects.update(call, param(c, 1), param(c, 2))));
        r.deleteWithRegex(DATA + "/sobjects/(\\w+)/(\\w+)/?").handler(c -> gate.serve(c, "sobject.delete",
                call -> sobjects.delete(call, param(c, 1), param(c, 2))));
        r.patchWithRegex(DATA + "/sobjects/(\\w+)/(\\w+)/([^/]+)").handler(c -> gate.serve(c, "sobject.upsert",
                call -> upsert.upsert(call, param(c, 1), param(c, 2), param(c, 3))));
        r.postWithRegex(DATA + "/jobs/query/?").handler(c -> gate.serve(c, "bulk.create", bulk::create));
        r.getWithRegex(DATA + "/jobs/query/(\\w+)/?").handler(c -> gate.serve(c, "bulk.get",
                call -> bulk.get(call, param(c, 1))));
        r.patchWithRegex(DATA + "/jobs/query/(\\w+)/?").handler(c -> gate.serve(c, "bulk.abort",
                call -> bulk.abort(call, param(c, 1))));
        r.deleteWithRegex(DATA + "/jobs/query/(\\w+)/?").handler(c -> gate.serve(c, "bulk.delete",
                call -> bulk.delete(call, param(c, 1))));
        r.getWithRegex(DATA + "/jobs/query/(\\w+)/results").handler(c -> gate.serve(c, "bulk.results",
                call -> bulk.results(call, param(c, 1))));
        // Anything else is not modelled: say so plainly rather than answer like Salesforce would about a real miss.
        r.route().last().handler(HttpFront::notServed);
        return r;
    }

    private static void notServed(RoutingContext c) {
        Replies.error(c, 501, "NOT_SERVED_BY_SANDBOX", "not served by this sandbox: " + c.request().method() + " "
                + c.request().path());
    }

    /** Regex groups: group 0 is the API version, so path groups start at 1. */
    private static String param(RoutingContext c, int group) {
        return c.pathParam("param" + group);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
