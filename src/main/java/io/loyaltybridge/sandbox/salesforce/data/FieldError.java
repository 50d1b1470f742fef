package io.loyaltybridge.sandbox.salesforce.data;

import java.util.List;

/** A per-record error as Salesforce reports it in save results: status code, message and the fields involved. */
public final class FieldError extends RuntimeException {
    private final String statusCode;
    private final List<String> fields;

    public FieldError(String statusCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.fields = fields;
    }

    public String statusCode() {
        return statusCode;
    }

    public List<String> fields() {
        return fields;
    }
}
