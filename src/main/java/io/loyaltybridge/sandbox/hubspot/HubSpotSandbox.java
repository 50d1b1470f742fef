package io.loyaltybridge.sandbox.hubspot;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * A HubSpot peer on loopback for tests and demos: the CRM objects, search, batch, properties and associations APIs
 * of api.hubapi.com with HubSpot's auth, limits and error shapes, webhooks signed with v3, and fault injection.
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

    private HubSpotSandbox(Vertx vertx, HttpServer server, HubSpotAdmin admin, Faults faults, CallCounters calls,
                           WebhookSender webhooks, WebhookLog webhookLog) {
        this.vertx = vertx;
        this.server = server;
        this.admin = admin;
        this.faults = faults;
        this.calls = calls;
        this.webhooks = webhooks;
        this.webhookLog = webhookLog;
    }

    public static HubSpotSandbox start(SandboxOptions options) {
        if (options.tokens.isEmpty()) {
            throw new IllegalArgumentException("give the sandbox at least one accepted token");
        }
        CrmData data = new CrmData(options.clock, options.indexingDelay.toMillis());
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
                    .requestHandler(Routes.build(vertx, new Gate(options, faults, limits, calls, vertx), data))
                    .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new HubSpotSandbox(vertx, server, new HubSpotAdmin(data, options.seed), faults, calls, sender, log);
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
