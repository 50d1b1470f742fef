package io.loyaltybridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every API call passes through here once: the bearer token is checked, the handler runs, and whatever it throws
 * becomes an {@code application/problem+json} answer. Handlers therefore only speak the domain.
 */
public final class ApiGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGuard.class);

    /** A handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(ApiRequest request);
    }

    private final Map<String, byte[]> tokensByName = new LinkedHashMap<>();
    private final int maxBodyBytes;
    private final AuditTrail audit;

    /** Several named tokens (one per caller), so the audit log can tell who did what. */
    public ApiGuard(Map<String, String> tokensByName, int maxBodyBytes, AuditTrail audit) {
        tokensByName.forEach((name, token) -> this.tokensByName.put(name, token.getBytes(StandardCharsets.UTF_8)));
        this.maxBodyBytes = maxBodyBytes;
        this.audit = audit;
    }

    public void handle(Exchange exchange, Handler handler) {
        Message message = exchange.getMessage();
        Reply reply;
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        try {
            // Only the real HTTP header: a query parameter named Authorization is a Camel header too.
            String caller = caller(WireHeaders.get(message, "Authorization"));
            if (caller == null) {
                extraHeaders.put("WWW-Authenticate", "Bearer");
                throw unauthorized().raise();
            }
            reply = handler.handle(new ApiRequest(message, maxBodyBytes, caller, audit));
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
        return caller(authorizationHeader) != null;
    }

    /** The name of the token presented, or null. Every token is compared, in constant time each. */
    private String caller(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        String caller = null;
        for (Map.Entry<String, byte[]> token : tokensByName.entrySet()) {
            if (MessageDigest.isEqual(presented, token.getValue())) {
                caller = token.getKey();
            }
        }
        return caller;
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
