package io.loyaltybridge.app;

import java.util.List;

/** The app cannot start; the message says why in one line per problem, naming the file or key to fix. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public static StartupException of(List<String> problems) {
        return new StartupException(problems.size() == 1 ? problems.get(0)
                : problems.size() + " configuration problems:\n  - " + String.join("\n  - ", problems));
    }
}
