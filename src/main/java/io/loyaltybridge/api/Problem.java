package io.loyaltybridge.api;

import io.loyaltybridge.domain.Violation;

import java.util.List;

/**
 * An RFC 9457 problem: what went wrong in words ({@code title}, {@code detail}), a stable {@code code} to branch on,
 * and for bad input every offending field at once.
 */
public record Problem(int status, String code, String title, String detail, List<Violation> errors) {

    public static Problem badRequest(String detail, List<Violation> errors) {
        return new Problem(400, "invalid_request", "The request is not valid", detail, errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of());
    }

    /** Thrown by handlers to answer with this problem. */
    public static final class Raised extends RuntimeException {
        private final Problem problem;

        public Raised(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Raised raise() {
        return new Raised(this);
    }
}
