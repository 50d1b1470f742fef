package io.loyaltybridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.member.MemberId;
import org.apache.camel.Message;

import java.util.List;

/** One API call as handlers see it: path and query values, the JSON body, and who is calling. */
public final class ApiRequest {
    private final Message message;
    private final int maxBodyBytes;
    private final Caller caller;
    private final AuditTrail audit;
    private final ApiGuard.Limits limits;
    private final RouteRoles.Operation operation;

    ApiRequest(Message message, int maxBodyBytes, Caller caller, AuditTrail audit, ApiGuard.Limits limits,
               RouteRoles.Operation operation) {
        this.message = message;
        this.maxBodyBytes = maxBodyBytes;
        this.caller = caller;
        this.audit = audit;
        this.limits = limits;
        this.operation = operation;
    }

    /** The token name and role of the caller. */
    public Caller caller() {
        return caller;
    }

    /**
     * A {@code support} token adjusts at most {@code loyalty.api.support-adjustment-limit} points (either way) per
     * call; beyond it the call is refused with a 403 naming the limit, and the refusal is audited. Roles that
     * include {@code manager} have no limit.
     */
    public void requireWithinAdjustmentLimit(long points) {
        if (caller.role().includes().contains(Role.MANAGER) || Math.abs(points) <= limits.supportAdjustmentLimit()) {
            return;
        }
        audit.refused(caller.name(), operation.routeId(), operation.method() + " " + operation.path(),
                "adjustment limit");
        throw Problem.of(403, "adjustment_limit", "Over the adjustment limit", "a support token adjusts at most "
                + limits.supportAdjustmentLimit() + " points per call (loyalty.api.support-adjustment-limit); "
                + "a manager or admin token can adjust more").raise();
    }

    /**
     * Runs an administrative action with its audit entry (the caller's token name as who) in one transaction.
     */
    public <T> T audited(String action, java.util.function.Supplier<T> work,
                         java.util.function.Function<T, AuditTrail.Entry> describe) {
        return audit.run(caller.name(), action, work, describe);
    }

    /** The token name of the caller, recorded as the source of what they write. */
    public String actor() {
        return caller.name();
    }

    /** A member id from the path; an id that cannot exist is answered like an unknown one. */
    public MemberId memberId(String name) {
        String raw = single(name);
        try {
            return new MemberId(Long.parseLong(raw));
        } catch (RuntimeException e) {
            throw new NotFound("no member with id " + raw);
        }
    }

    /** A path or query parameter, or null when absent or blank; control characters are a 400 naming it. */
    public String query(String name) {
        String value = single(name);
        if (value != null && Text.hasControl(value)) {
            throw InvalidInput.of(name, Text.CONTROL_MESSAGE);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * One path or query value. A name given twice (a path parameter repeated in the query string, say
     * {@code /members/7?id=8}) reaches us as a list; it is refused rather than resolved to either.
     */
    private String single(String name) {
        Object value = message.getHeader(name);
        if (value instanceof Iterable<?> || value instanceof Object[]) {
            throw InvalidInput.of(name, "must be given once (a path parameter cannot be repeated in the query)");
        }
        return value == null ? null : value.toString();
    }

    /** A whole-number query parameter within bounds, or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        String raw = query(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInput.of(name, "must be a whole number from " + min + " to " + max);
    }

    /**
     * The body as bytes sent with one of {@code types} (say, YAML), or a 4xx problem: another type (415), oversized
     * (413), missing (400).
     */
    byte[] raw(java.util.Set<String> types) {
        String contentType = WireHeaders.get(message, "Content-Type");
        String type = contentType == null ? null
                : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!types.contains(type)) {
            throw Problem.of(415, "unsupported_media_type", "The body must be one of " + String.join(", ", types),
                    (contentType == null ? "no Content-Type was sent" : "Content-Type is " + contentType)).raise();
        }
        byte[] bytes = message.getBody(byte[].class);
        if (bytes != null && bytes.length > maxBodyBytes) {
            throw Problem.of(413, "body_too_large", "The request body is too large",
                    "the body has " + bytes.length + " bytes; at most " + maxBodyBytes + " are accepted").raise();
        }
        if (bytes == null || bytes.length == 0) {
            throw Problem.badRequest("a body is required", List.of()).raise();
        }
        return bytes;
    }

    /**
     * The body as a JSON object, or a 4xx problem: not sent as JSON (415), oversized (413), missing, not JSON
     * (too deep, trailing data included), not an object (400). Handlers end with {@link BodyReader#requireValid()}.
     */
    BodyReader body() {
        String contentType = WireHeaders.get(message, "Content-Type");
        if (!WireHeaders.isJson(contentType)) {
            throw Problem.of(415, "unsupported_media_type", "The body must be JSON",
                    (contentType == null ? "no Content-Type was sent" : "Content-Type is " + contentType)
                            + "; send Content-Type: application/json").raise();
        }
        byte[] bytes = message.getBody(byte[].class);
        if (bytes != null && bytes.length > maxBodyBytes) {
            throw Problem.of(413, "body_too_large", "The request body is too large",
                    "the body has " + bytes.length + " bytes; at most " + maxBodyBytes + " are accepted").raise();
        }
        if (bytes == null || bytes.length == 0) {
            throw Problem.badRequest("a JSON body is required", List.of()).raise();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Limit breaches (nesting depth, number length) carry no location.
            var at = e.getLocation();
            throw Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    List.of()).raise();
        } catch (java.io.IOException | RuntimeException e) {
            throw Problem.badRequest("the body could not be read", List.of()).raise();
        }
        if (root == null || !root.isObject()) {
            throw Problem.badRequest("the body must be a JSON object", List.of()).raise();
        }
        return BodyReader.of(root);
    }
}
