package io.loyaltybridge.app;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * One configuration key, declared once: its name, how its text becomes a value, its default, what values are
 * allowed and what it does. {@link Config} reads and checks them all together.
 */
public record Setting<T>(String name, Function<String, T> parser, T defaultValue, Function<T, String> check,
                         String doc) {

    public static Setting<String> text(String name, String defaultValue, String doc) {
        return new Setting<>(name, String::strip, defaultValue, value -> value.isEmpty() ? "must not be empty" : null,
                doc);
    }

    public static Setting<Integer> integer(String name, int defaultValue, int min, int max, String doc) {
        return new Setting<>(name, raw -> Integer.valueOf(raw.strip()), defaultValue,
                value -> value < min || value > max ? "must be between " + min + " and " + max : null, doc);
    }

    public static Setting<Path> path(String name, String defaultValue, String doc) {
        return new Setting<>(name, raw -> Path.of(raw.strip()), Path.of(defaultValue), value -> null, doc);
    }

    /** The value of {@code raw}, or a problem sentence naming this key. */
    Object parse(String raw, java.util.List<String> problems) {
        T value;
        try {
            value = parser.apply(raw);
        } catch (RuntimeException e) {
            problems.add(name + ": '" + raw + "' is not a valid value (" + doc + ")");
            return null;
        }
        String problem = check.apply(value);
        if (problem != null) {
            problems.add(name + ": " + problem + " (was '" + raw + "')");
            return null;
        }
        return value;
    }
}
