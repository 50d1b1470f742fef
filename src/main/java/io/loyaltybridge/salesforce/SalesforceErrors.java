package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.ErrorClass;
import org.apache.camel.component.salesforce.api.SalesforceException;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retriable or permanent, for Salesforce: a whole failed call by its HTTP status and error code, and one record of
 * an sObject Collections answer by its status code. Anything the org may accept later (session, limits, locks,
 * outages, timeouts) is retried; what it will refuse again (bad values, unknown or deleted records) is not.
 */
final class SalesforceErrors {
    /** Per-record codes that clear up by themselves: locks, limits, transient server trouble. */
    private static final Set<String> RETRIABLE_CODES = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED",
            "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION", "INVALID_SESSION_ID", "TXN_SECURITY_METERING_ERROR");

    private static final Pattern RAW_ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([A-Z_]+)\"");

    private SalesforceErrors() {
    }

    static ErrorClass classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf && (sf.getStatusCode() > 0 || !sf.getErrors().isEmpty())) {
                return ofCall(sf.getStatusCode(), errorCode(sf));
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return ErrorClass.RETRIABLE;
            }
        }
        // No status at all: the call never got an answer (connection refused, timeout wrapped by camel).
        return ErrorClass.RETRIABLE;
    }

    static ErrorClass ofCall(int status, String errorCode) {
        if (errorCode != null && RETRIABLE_CODES.contains(errorCode)) {
            return ErrorClass.RETRIABLE;
        }
        if (status == 0 || status == 401 || status == 408 || status == 429 || status >= 500) {
            return ErrorClass.RETRIABLE;
        }
        return ErrorClass.PERMANENT;
    }

    static ErrorClass ofRecord(String statusCode) {
        return statusCode != null && RETRIABLE_CODES.contains(statusCode) ? ErrorClass.RETRIABLE
                : ErrorClass.PERMANENT;
    }

    /** The first error code; the raw operation leaves the error body unparsed in the message. */
    static String errorCode(SalesforceException e) {
        if (!e.getErrors().isEmpty()) {
            return e.getErrors().get(0).getErrorCode();
        }
        Matcher m = RAW_ERROR_CODE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
