package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.store.StoreException;

/**
 * Failures of our own processing of an inbound record: bad data is permanent (dead letter); a database failure
 * is retriable (the batch is tried again, its cursor not moved).
 */
final class Failures {
    private Failures() {
    }

    static ErrorClass classify(RuntimeException failure) {
        if (!(failure instanceof StoreException)) {
            return ErrorClass.PERMANENT;
        }
        // Connection (08), rollback (40), resources (53) and operator (57) states pass; data errors do not.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState().substring(0, 2);
                return state.equals("08") || state.equals("40") || state.equals("53") || state.equals("57")
                        ? ErrorClass.RETRIABLE : ErrorClass.PERMANENT;
            }
        }
        return ErrorClass.RETRIABLE;
    }

    static String code(RuntimeException failure) {
        if (failure instanceof InvalidInput) {
            return "invalid_record";
        }
        if (failure instanceof Conflict conflict) {
            return conflict.code();
        }
        if (failure instanceof UnknownContact) {
            return "unknown_contact";
        }
        return "rejected";
    }

    static String message(RuntimeException failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** An order whose contact we have not taken in (yet). */
    static final class UnknownContact extends RuntimeException {
        UnknownContact(String message) {
            super(message);
        }
    }
}
