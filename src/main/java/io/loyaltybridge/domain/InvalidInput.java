package io.loyaltybridge.domain;

import java.util.List;

/** Thrown when an input breaks one or more rules; carries every violation, not just the first. */
public final class InvalidInput extends RuntimeException {
    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
