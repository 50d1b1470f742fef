package io.loyaltybridge.app.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loyaltybridge.domain.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of the program file, read key by key. Every reader method names the key it reads, which is the
 * declared schema: {@link #done()} reports any key nobody asked for as unknown. Problems are collected, never
 * thrown, and a reader returns a harmless fallback after a problem so that reading goes on and finds the rest.
 */
final class Section {
    private final JsonNode node;
    private final String path;
    private final List<Violation> problems;
    private final Set<String> known = new LinkedHashSet<>();

    Section(JsonNode node, String path, List<Violation> problems) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new Violation(key == null ? path : at(key), message));
    }

    boolean has(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    private JsonNode value(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                problem(key, "is required");
            }
            return null;
        }
        return node.get(key);
    }

    String text(String key, boolean required, String fallback) {
        JsonNode value = value(key, required);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problem(key, "must be a non-empty text");
            return fallback;
        }
        return value.asText().trim();
    }

    BigDecimal decimal(String key, boolean required, BigDecimal fallback, BigDecimal min, boolean minExclusive) {
        JsonNode value = value(key, required);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            problem(key, "must be a number");
            return fallback;
        }
        BigDecimal number = value.decimalValue();
        int c = number.compareTo(min);
        if (c < 0 || (minExclusive && c == 0)) {
            problem(key, "must be " + (minExclusive ? "greater than " : "at least ") + min.toPlainString());
            return fallback;
        }
        return number;
    }

    long whole(String key, boolean required, long fallback, long min, long max) {
        JsonNode value = value(key, required);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(key, "must be a whole number");
            return fallback;
        }
        long number = value.longValue();
        if (number < min || number > max) {
            problem(key, "must be between " + min + " and " + max);
            return fallback;
        }
        return number;
    }

    boolean flag(String key, boolean fallback) {
        JsonNode value = value(key, false);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(key, "must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    /** An enum constant written in lower case: {@code half_up} or {@code half-up} for HALF_UP. */
    <E extends Enum<E>> E choice(String key, Class<E> type, boolean required, E fallback) {
        String word = text(key, required, null);
        if (word == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(word.replace('-', '_'))) {
                return constant;
            }
        }
        problem(key, "must be one of " + words(type));
        return fallback;
    }

    static <E extends Enum<E>> String words(Class<E> type) {
        List<String> words = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            words.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", words);
    }

    LocalDate date(String key, boolean required) {
        String text = text(key, required, null);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(key, "must be a date written YYYY-MM-DD");
            return null;
        }
    }

    Section object(String key, boolean required) {
        JsonNode value = value(key, required);
        if (value != null && !value.isObject()) {
            problem(key, "must be a mapping of keys to values");
            value = null;
        }
        return new Section(value, at(key), problems);
    }

    List<Section> objects(String key, boolean required) {
        JsonNode value = value(key, required);
        List<Section> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problem(key, "must be a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(new Violation(itemPath, "must be a mapping of keys to values"));
            } else {
                items.add(new Section(item, itemPath, problems));
            }
        }
        return items;
    }

    List<String> texts(String key) {
        JsonNode value = value(key, false);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problem(key, "must be a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.asText().isBlank()) {
                problems.add(new Violation(at(key) + "[" + i + "]", "must be a non-empty text"));
            } else {
                items.add(item.asText().trim());
            }
        }
        return items;
    }

    /** A mapping of names to numbers at least {@code min}, such as category multipliers. */
    Map<String, BigDecimal> decimals(String key, BigDecimal min) {
        Section map = object(key, false);
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (Iterator<String> names = map.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            BigDecimal number = map.decimal(name, true, null, min, false);
            if (number != null) {
                result.put(name, number);
            }
        }
        return result;
    }

    /** Reports every key of this mapping that no reader asked for. */
    void done() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown key" + (known.isEmpty() ? "" : " (known keys: " + String.join(", ", known)
                        + ")"));
            }
        }
    }
}
