package io.loyaltybridge.sandbox.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure answered in HubSpot's error shape: {@code {status:"error", message, correlationId, category,
 * subCategory?, context?, errors?}}. Also used for one input of a batch, where it becomes an entry of {@code errors[]}.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String category;
    final String subCategory;
    final Map<String, List<String>> context = new LinkedHashMap<>();
    /** Extra top-level fields some answers carry (429s have policyName and errorType). */
    final Map<String, String> extra = new LinkedHashMap<>();

    ApiError(int status, String category, String subCategory, String message) {
        super(message, null, false, false);
        this.status = status;
        this.category = category;
        this.subCategory = subCategory;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "VALIDATION_ERROR", null, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "OBJECT_NOT_FOUND", null, message);
    }

    /**
     * Something HubSpot has that this sandbox does not serve: 501 with a message saying so, never an answer that
     * reads like HubSpot's own (a 404 or an empty list would look like missing data).
     */
    static ApiError notServed(String what) {
        return new ApiError(501, "NOT_SERVED_BY_SANDBOX", null, what + " is not served by this sandbox (LoyaltyBridge's "
                + "HubSpot sandbox serves the objects, search, batch, properties, associations v4, pipelines, "
                + "account-info and OAuth 2026-03 token APIs; see the README)");
    }

    static ApiError conflict(String message) {
        return new ApiError(409, "CONFLICT", null, message);
    }

    ApiError with(String key, String... values) {
        context.put(key, List.of(values));
        return this;
    }

    ApiError field(String key, String value) {
        extra.put(key, value);
        return this;
    }
}
