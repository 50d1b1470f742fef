package io.loyaltybridge.domain;

/** The thing asked for does not exist; the message names it. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
