package io.loyaltybridge.sandbox.hubspot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * What every call passes before its handler: the Bearer token, ordered faults, the rate limits (whose headers go
 * on every authenticated answer) and the call counters.
 */
final class Gate {
    private final Set<String> tokens;
    private final Faults faults;
    private final RateLimits limits;
    private final CallCounters counters;
    private final String appId;
    private final Vertx vertx;
    private final RateLimits.Verdict storm;
    private final long windowMs;

    Gate(SandboxOptions o, Set<String> tokens, Faults faults, RateLimits limits, CallCounters counters, Vertx vertx) {
        this.tokens = tokens;
        this.faults = faults;
        this.limits = limits;
        this.counters = counters;
        this.appId = String.valueOf(o.appId);
        this.vertx = vertx;
        this.windowMs = o.rateWindowMs;
        this.storm = new RateLimits.Verdict("TEN_SECONDLY_ROLLING", o.tenSecondLimit, 0, o.dailyLimit, o.dailyLimit);
    }

    void handle(RoutingContext ctx) {
        counters.count(ctx.request().method().name(), ctx.normalizedPath());
        String auth = ctx.request().getHeader("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (token == null || !tokens.contains(token)) {
            Reply.error(ctx, new ApiError(401, "INVALID_AUTHENTICATION", null, "Authentication credentials not "
                    + "found. This API supports OAuth 2.0 authentication and you can find more details at "
                    + "https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
            return;
        }
        if (faults.isExpired(token)) {
            Reply.error(ctx, new ApiError(401, "EXPIRED_AUTHENTICATION", null,
                    "The OAuth token used to make this call expired 0 hour(s) ago."));
            return;
        }
        long delay = faults.latency().toMillis();
        if (delay > 0) {
            vertx.setTimer(delay, t -> admit(ctx, token));
        } else {
            admit(ctx, token);
        }
    }

    private void admit(RoutingContext ctx, String token) {
        boolean search = ctx.normalizedPath().endsWith("/search");
        RateLimits.Verdict v = faults.takeStorm() ? storm : limits.admit(token, search);
        if (v.max() > 0) {
            headers(ctx.response(), v);
        }
        if (v.policy() != null) {
            String which = v.policy().toLowerCase();
            Reply.error(ctx, new ApiError(429, "RATE_LIMITS", null, "You have reached your " + which + " limit.")
                    .field("errorType", "RATE_LIMIT").field("policyName", v.policy())
                    .field("groupName", "publicapi:private-app-api-calls-" + which + ":" + appId));
            return;
        }
        int failure = faults.takeFailure(ctx.normalizedPath());
        if (failure != 0) {
            if (faults.retryAfterSeconds() > 0) {
                ctx.response().putHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
            }
            Reply.error(ctx, new ApiError(failure, failure >= 500 ? "INTERNAL_ERROR" : "ERROR", null,
                    "internal error (injected by the sandbox)"));
            return;
        }
        ctx.put("source", new Change.Source("INTEGRATION", appId));
        ctx.next();
    }

    private void headers(HttpServerResponse r, RateLimits.Verdict v) {
        r.putHeader("X-HubSpot-RateLimit-Max", String.valueOf(v.max()));
        r.putHeader("X-HubSpot-RateLimit-Remaining", String.valueOf(v.remaining()));
        r.putHeader("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(windowMs));
        r.putHeader("X-HubSpot-RateLimit-Daily", String.valueOf(v.daily()));
        r.putHeader("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(v.dailyRemaining()));
    }
}
