package io.loyaltybridge.sandbox.salesforce.soql;

/** A query Salesforce would refuse, with the error code it would answer (MALFORMED_QUERY, INVALID_FIELD, ...). */
public final class SoqlException extends RuntimeException {
    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
