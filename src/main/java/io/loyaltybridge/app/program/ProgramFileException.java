package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The program file is invalid. Carries every problem found, each with the path of the key it is about (for
 * example {@code tiers.levels[2].threshold}), so an integrator can fix them all in one go.
 */
public final class ProgramFileException extends RuntimeException {
    private final List<Violation> problems;

    public ProgramFileException(String source, List<Violation> problems) {
        super(source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Violation> problems() {
        return problems;
    }
}
