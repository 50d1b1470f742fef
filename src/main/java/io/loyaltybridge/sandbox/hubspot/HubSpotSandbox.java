package io.loyaltybridge.sandbox.hubspot;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A HubSpot peer on loopback for tests and demos: the CRM objects (contacts, orders, deals, line items, notes),
 * search, batch, properties, associations v4, pipelines, account-info and OAuth 2026-03 token APIs of
 * api.hubapi.com with HubSpot's auth, limits and error shapes, webhooks signed with v3, and fault injection.
 * Anything else answers 501 "not served by this sandbox".
 *
 * <pre>{@code
 * try (HubSpotSandbox hs = HubSpotSandbox.start(SandboxOptions.defaults().token("pat-na1-test"))) {
 *     long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
 *     // point the connector at hs.baseUrl() ...
 * }
 * }</pre>
 */
public final class HubSpotSandbox implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final HubSpotAdmin admin;
    private final Faults faults;
    private final CallCounters calls;
    private final WebhookSender webhooks;
    private final WebhookLog webhookLog;
    private final OAuthApi oauth;

    private HubSpotSandbox(Vertx vertx, HttpServer server, HubSpotAdmin admin, Faults faults, CallCounters calls,
                           WebhookSender webhooks, WebhookLog webhookLog, OAuthApi oauth) {
        this.oauth = oauth;
        this.vertx = vertx;
        this.server = server;
        this.admin = admin;
        this.faults = faults;
        this.calls = calls;
        this.webhooks = webhooks;
        this.webhookLog = webhookLog;
    }

    public static HubSpotSandbox start(SandboxOptions options) {
        if (options.tokens.isEmpty() && options.oauthClientId == null) {
            throw new IllegalArgumentException("give the sandbox at least one accepted token, or an OAuth app");
        }
        CrmData data = new CrmData(options.clock, options.indexingDelay.toMillis());
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        accepted.addAll(options.tokens);
        OAuthApi oauth = new OAuthApi(options, accepted);
        Pipelines pipelines = new Pipelines(data);
        Faults faults = new Faults();
        RateLimits limits = new RateLimits(options, faults);
        faults.onDailyRestore(limits::resetDaily);
        CallCounters calls = new CallCounters();
        WebhookLog log = new WebhookLog();
        WebhookSender sender = new WebhookSender(options, log);
        data.onChange(sender::accept);
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(32));
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                            .setPort(options.port).setCompressionSupported(false))
                    .requestHandler(Routes.build(vertx, new Gate(options, accepted, faults, limits, calls, vertx),
                            data, oauth, pipelines, new AccountApi(options),
                            new FeedbackAccess(options.scopes)))
                    .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new HubSpotSandbox(vertx, server, new HubSpotAdmin(data, options.seed, pipelines), faults, calls,
                    sender, log, oauth);
        } catch (Exception e) {
            sender.close();
            vertx.close();
            throw new IllegalStateException("HubSpot sandbox could not listen on port " + options.port, e);
        }
    }

    /** Where the connector sends its calls instead of https://api.hubapi.com. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public HubSpotAdmin admin() {
        return admin;
    }

    public Faults faults() {
        return faults;
    }

    public CallCounters calls() {
        return calls;
    }

    /** Access tokens issued by POST /oauth/2026-03/token, oldest first. */
    public java.util.List<String> issuedTokens() {
        return oauth.issued();
    }

    public WebhookLog webhookLog() {
        return webhookLog;
    }

    @Override
    public void close() {
        webhooks.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("HubSpot sandbox did not stop cleanly", e);
        }
    }
}
