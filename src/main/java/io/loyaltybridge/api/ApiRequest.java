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
    private final String actor;
    private final AuditTrail audit;

    ApiRequest(Message message, int maxBodyBytes, String actor, AuditTrail audit) {
        this.message = message;
        this.maxBodyBytes = maxBodyBytes;
        this.actor = actor;
        this.audit = audit;
    }

    /**
     * Runs an administrative action with its audit entry (the caller's token name as who) in one transaction.
     */
    public <T> T audited(String action, java.util.function.Supplier<T> work,
                         java.util.function.Function<T, AuditTrail.Entry> describe) {
        return audit.run(actor, action, work, describe);
    }

    /** The token name of the caller, recorded as the source of what they write. */
    public String actor() {
        return actor;
    }

    /** A member id from the path; an id that cannot exist is answered like an unknown one. */
    public MemberId memberId(String name) {
        String raw = message.getHeader(name, String.class);
        try {
            return new MemberId(Long.parseLong(raw));
        } catch (RuntimeException e) {
            throw new NotFound("no member with id " + raw);
        }
    }

    public String query(String name) {
        String value = message.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.strip();
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

    /** The body as a JSON object, or a 4xx problem: missing, oversized, not JSON, not an object. */
    BodyReader body() {
        byte[] bytes = message.getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw Problem.badRequest("a JSON body is required", List.of()).raise();
        }
        if (bytes.length > maxBodyBytes) {
            throw Problem.of(413, "body_too_large", "The request body is too large",
                    "the body has " + bytes.length + " bytes; at most " + maxBodyBytes + " are accepted").raise();
        }
        String contentType = message.getHeader("Content-Type", String.class);
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw Problem.of(415, "unsupported_media_type", "The body must be JSON",
                    "Content-Type is " + contentType + "; send application/json").raise();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                    List.of()).raise();
        } catch (java.io.IOException e) {
            throw Problem.badRequest("the body could not be read", List.of()).raise();
        }
        if (root == null || !root.isObject()) {
            throw Problem.badRequest("the body must be a JSON object", List.of()).raise();
        }
        return BodyReader.of(root);
    }
}
