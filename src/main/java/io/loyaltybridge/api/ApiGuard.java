package io.loyaltybridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every API call passes through here: the bearer token is checked, then the token's rate and its role against the
 * role the route declares ({@link #admit}, which {@link HttpFront} calls before the body is read), then the handler
 * runs, and whatever it throws becomes an {@code application/problem+json} answer. Handlers only speak the domain.
 */
public final class ApiGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGuard.class);

    /** A handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(ApiRequest request);
    }

    /**
     * The per-token rate limit, and the most points a {@code support} token may adjust in one call (managers and
     * admins have no such limit).
     */
    public record Limits(int perSecond, int burst, long supportAdjustmentLimit) {
    }

    /** Why a call is refused before it reaches its route: the problem and any headers it needs. */
    public record Refusal(Problem problem, Map<String, String> headers) {
    }

    private final TokenBook tokens;
    private final Limits limits;
    private final TokenBuckets buckets;
    private final int maxBodyBytes;
    private final AuditTrail audit;
    /** Set once the routes are loaded; until then every handler refuses (no route has a declared role). */
    private volatile RouteRoles routes = new RouteRoles(java.util.List.of(), java.util.List.of());

    /** Several named tokens (one per caller, each with a role), so the audit log can tell who did what. */
    public ApiGuard(TokenBook tokens, Limits limits, int maxBodyBytes, AuditTrail audit) {
        this.tokens = tokens;
        this.limits = limits;
        this.buckets = new TokenBuckets(limits.perSecond(), limits.burst());
        this.maxBodyBytes = maxBodyBytes;
        this.audit = audit;
    }

    /** The REST routes and their roles, once Camel has loaded them. */
    public void useRoutes(RouteRoles routes) {
        this.routes = routes;
    }

    public RouteRoles routes() {
        return routes;
    }

    /**
     * The check made before a request's body is read: a known token (else 401), within its rate (else 429), with a
     * role the route allows (else 403, audited). Null when the call may go on; a path no route serves goes on too,
     * for the router to answer 404 or 405.
     */
    public Refusal admit(String method, String path, String authorization) {
        Caller caller = tokens.caller(authorization);
        if (caller == null) {
            return new Refusal(unauthorized(), Map.of("WWW-Authenticate", "Bearer"));
        }
        long wait = buckets.take(caller.name());
        if (wait > 0) {
            return new Refusal(Problem.of(429, "rate_limited", "Too many requests", "the token '" + caller.name()
                    + "' may make " + limits.perSecond() + " calls a second (bursts of " + limits.burst()
                    + "); retry after " + wait + " s"), Map.of("Retry-After", Long.toString(wait)));
        }
        RouteRoles.Operation operation = routes.match(method, path);
        Problem forbidden = operation == null ? null : forbidden(caller, operation);
        return forbidden == null ? null : new Refusal(forbidden, Map.of());
    }

    /** Null when the caller's role allows the operation; else the 403, recorded in the audit log. */
    private Problem forbidden(Caller caller, RouteRoles.Operation operation) {
        if (caller.role().mayCall(operation.roles())) {
            return null;
        }
        audit.refused(caller.name(), operation.routeId(), operation.method() + " " + operation.path(), null);
        return Problem.of(403, "forbidden", "Forbidden", "this call (" + operation.routeId() + ") needs the role "
                + operation.rolesInWords() + "; the token '" + caller.name() + "' has the role "
                + caller.role().wire());
    }

    public void handle(Exchange exchange, Handler handler) {
        Message message = exchange.getMessage();
        Reply reply;
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        try {
            // Only the real HTTP header: a query parameter named Authorization is a Camel header too.
            Caller caller = tokens.caller(WireHeaders.get(message, "Authorization"));
            if (caller == null) {
                extraHeaders.put("WWW-Authenticate", "Bearer");
                throw unauthorized().raise();
            }
            // The gate checked the role already; checked again by route id so a route reached another way is no
            // way round it. A route without a declared role is refused (deny by default).
            RouteRoles.Operation operation = routes.byRouteId(exchange.getFromRouteId());
            if (operation == null) {
                throw Problem.of(403, "forbidden", "Forbidden", "this route declares no role").raise();
            }
            Problem forbidden = forbidden(caller, operation);
            if (forbidden != null) {
                throw forbidden.raise();
            }
            reply = handler.handle(new ApiRequest(message, maxBodyBytes, caller, audit, limits, operation));
        } catch (Problem.Raised raised) {
            reply = problem(raised.problem());
        } catch (InvalidInput invalid) {
            reply = problem(Problem.badRequest("the request has invalid fields", invalid.violations()));
        } catch (NotFound missing) {
            reply = problem(Problem.of(404, "not_found", "Not found", missing.getMessage()));
        } catch (Conflict conflict) {
            reply = problem(Problem.of(409, conflict.code(), "Conflict with the current state", conflict.getMessage()));
        } catch (RuntimeException unexpected) {
            // Our own fault: log it with the stack, answer without internals.
            LOG.error("API call {} {} failed", message.getHeader(Exchange.HTTP_METHOD),
                    message.getHeader(Exchange.HTTP_PATH), unexpected);
            reply = problem(Problem.of(500, "internal_error", "Internal error",
                    "the request could not be completed; it has been logged"));
        }
        write(message, reply, extraHeaders);
    }

    /** True when the {@code Authorization} header value carries one of the API's tokens. */
    public boolean admits(String authorizationHeader) {
        return tokens.caller(authorizationHeader) != null;
    }

    /** A problem as the JSON text every error answer of the HTTP server carries. */
    public static String json(Problem problem) {
        try {
            return Json.MAPPER.writeValueAsString(((ProblemBody) problem(problem).body()).fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is plain JSON", e);
        }
    }

    static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Authentication required",
                "send the API token as 'Authorization: Bearer <token>'");
    }

    private static Reply problem(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://loyaltybridge.io/problems/" + problem.code().replace('_', '-'));
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("code", problem.code());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return new Reply(problem.status(), new ProblemBody(body));
    }

    private static void write(Message message, Reply reply, Map<String, String> extraHeaders) {
        // Drop every inbound header so none (Authorization above all) is echoed into the response.
        message.removeHeaders("*");
        if (reply.body() instanceof Reply.Text text) {
            message.setBody(text.content());
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
            message.setHeader(Exchange.CONTENT_TYPE, text.contentType());
            extraHeaders.forEach(message::setHeader);
            return;
        }
        boolean isProblem = reply.body() instanceof ProblemBody;
        Object body = isProblem ? ((ProblemBody) reply.body()).fields() : reply.body();
        int status = reply.status();
        try {
            message.setBody(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            // Our bug, not the caller's: still answer in the API's shape.
            LOG.error("API answer could not be written as JSON", e);
            status = 500;
            isProblem = true;
            message.setBody("{\"type\":\"https://loyaltybridge.io/problems/internal-error\",\"title\":"
                    + "\"Internal error\",\"status\":500,\"code\":\"internal_error\"}");
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, isProblem ? "application/problem+json" : "application/json");
        extraHeaders.forEach(message::setHeader);
    }

    private record ProblemBody(Map<String, Object> fields) {
    }
}
