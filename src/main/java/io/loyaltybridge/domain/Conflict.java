package io.loyaltybridge.domain;

/**
 * The request is well formed but clashes with the current state (insufficient balance, an idempotency key reused
 * for a different request, an order that belongs to another member). {@code code} is a stable machine-readable name.
 */
public final class Conflict extends RuntimeException {
    private final String code;

    public Conflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
