package io.loyaltybridge.sandbox.salesforce.http;

import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every REST API call passes before its handler: counting, injected latency and failures, the session check
 * (401 INVALID_SESSION_ID) and the daily limit (403 REQUEST_LIMIT_EXCEEDED). Every answer carries
 * {@code Sforce-Limit-Info}. Handlers run on a worker thread: a query over a million orders must not stall the
 * event loop that serves everyone else.
 */
final class ApiGate {
    private static final Pattern VERSION = Pattern.compile("/services/data/v(\\d+\\.\\d)");
    private final Peer peer;

    ApiGate(Peer peer) {
        this.peer = peer;
    }

    void serve(RoutingContext ctx, String operation, Consumer<ApiCall> handler) {
        peer.calls.increment(operation);
        long delay = peer.faults.latency().toMillis();
        if (delay > 0) {
            ctx.vertx().setTimer(delay, id -> admit(ctx, handler));
        } else {
            admit(ctx, handler);
        }
    }

    private void admit(RoutingContext ctx, Consumer<ApiCall> handler) {
        ctx.response().putHeader("Sforce-Limit-Info", peer.limitInfo());
        int failure = peer.faults.takeFailure();
        if (failure > 0) {
            String code = failure == 503 ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION";
            Replies.error(ctx, failure, code, failure == 503 ? "Server is temporarily unavailable, please retry"
                    : "An unexpected error occurred. Please include this ErrorId if you contact support: "
                    + "1977043283-12345 (-1126235767)");
            return;
        }
        Sessions.Session session = peer.sessions.valid(bearer(ctx));
        if (session == null) {
            Replies.error(ctx, 401, "INVALID_SESSION_ID", "Session expired or invalid");
            return;
        }
        if (peer.faults.dailyLimitExhausted() || peer.apiUsage.get() >= peer.options.apiLimit()) {
            Replies.error(ctx, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            return;
        }
        peer.apiUsage.incrementAndGet();
        ctx.response().putHeader("Sforce-Limit-Info", peer.limitInfo());
        ApiCall call = new ApiCall(ctx, session, version(ctx));
        ctx.vertx().executeBlocking(() -> {
            run(call, handler);
            return null;
        }, false);
    }

    private static void run(ApiCall call, Consumer<ApiCall> handler) {
        try {
            handler.accept(call);
        } catch (RuntimeException e) {
            Replies.error(call.ctx(), 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e);
        }
    }

    private static String bearer(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        if (auth == null) {
            return null;
        }
        // camel sends "Bearer", older clients "OAuth"; Salesforce takes both
        for (String scheme : new String[] {"Bearer ", "OAuth "}) {
            if (auth.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return auth.substring(scheme.length()).trim();
            }
        }
        return null;
    }

    private String version(RoutingContext ctx) {
        Matcher m = VERSION.matcher(ctx.request().path());
        return m.lookingAt() ? m.group(1) : peer.options.apiVersion();
    }
}
