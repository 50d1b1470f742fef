package io.loyaltybridge.app;

import java.util.List;

/** The app cannot start; the message says why in one line per problem, naming the file or key to fix. */
public final class StartupException extends RuntimeException {
    private final List<String> problems;

    public StartupException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    private StartupException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " configuration problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public static StartupException of(List<String> problems) {
        return new StartupException(problems);
    }

    /** Each problem on its own, so that checks run together can report them together. */
    public List<String> problems() {
        return problems;
    }
}
