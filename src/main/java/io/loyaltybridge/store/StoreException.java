package io.loyaltybridge.store;

/** A database failure we cannot turn into a domain answer; the message says what was being done. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
