package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads fields of a JSON object and collects every problem with its path ({@code lines[2].unitPrice}) instead of
 * stopping at the first, so a caller fixes a request in one round. Readers of nested objects share the list.
 * <p>
 * Every field a handler looks at is remembered: {@link #requireValid()} refuses the fields nobody read, so a
 * misspelt or misplaced field ({@code "account"} on an adjustment) is a 400 naming it, never silently ignored.
 * Text is refused with control characters (PostgreSQL cannot store NUL; the others are never meant), and instants
 * outside {@link #EARLIEST} .. {@link #LATEST} (PostgreSQL's range is far wider, but no loyalty date lies there).
 */
final class BodyReader {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final int MAX_DECIMAL_DIGITS = 15;
    static final int MAX_DECIMAL_PLACES = 10;

    private final JsonNode node;
    private final String prefix;
    private final List<Violation> violations;
    private final List<BodyReader> readers;
    private final Set<String> read = new HashSet<>();

    private BodyReader(JsonNode node, String prefix, List<Violation> violations, List<BodyReader> readers) {
        this.node = node;
        this.prefix = prefix;
        this.violations = violations;
        this.readers = readers;
        readers.add(this);
    }

    static BodyReader of(JsonNode root) {
        return new BodyReader(root, "", new ArrayList<>(), new ArrayList<>());
    }

    /** Throws every problem found, the fields no handler read included; call once all fields are read. */
    void requireValid() {
        for (BodyReader reader : List.copyOf(readers)) {
            reader.node.fieldNames().forEachRemaining(name -> {
                if (!reader.read.contains(name)) {
                    reject(reader, name);
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private void reject(BodyReader reader, String name) {
        String path = reader.path(Text.hasControl(name) ? Text.visible(name) : name);
        if (violations.stream().noneMatch(v -> v.field().equals(path))) {
            violations.add(new Violation(path, "is not a field of this call (see the API reference)"));
        }
    }

    List<Violation> violations() {
        return violations;
    }

    void reject(String field, String message) {
        violations.add(new Violation(path(field), message));
    }

    /** Adds the domain's verdicts on fields this reader has not already rejected, so none is reported twice. */
    void rejectAll(List<Violation> domainViolations) {
        domainViolations.stream()
                .filter(v -> violations.stream().noneMatch(known -> known.field().equals(v.field())))
                .toList()
                .forEach(violations::add);
    }

    String text(String field, boolean required, int maxLength) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            reject(field, required ? "must be a non-empty string" : "must be a string");
            return null;
        }
        if (value.asText().length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (Text.hasControl(value.asText())) {
            reject(field, Text.CONTROL_MESSAGE);
            return null;
        }
        return value.asText();
    }

    BigDecimal decimal(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = value.isNumber() ? value.decimalValue()
                    : value.isTextual() ? new BigDecimal(value.asText().strip()) : null;
            // 1e-400 or 1e400 is a number, but no amount of money: bound the digits before any arithmetic.
            if (number != null && number.signum() != 0) {
                BigDecimal plain = number.stripTrailingZeros();
                if (plain.scale() > MAX_DECIMAL_PLACES || plain.precision() - plain.scale() > MAX_DECIMAL_DIGITS) {
                    reject(field, "must be a decimal number of at most " + MAX_DECIMAL_DIGITS
                            + " digits before the point and " + MAX_DECIMAL_PLACES + " after");
                    return null;
                }
            }
            if (number != null) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        reject(field, "must be a decimal number");
        return null;
    }

    Long integer(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            reject(field, "must be a whole number");
            return null;
        }
        return value.longValue();
    }

    Boolean bool(String field) {
        JsonNode value = value(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    Instant instant(String field, boolean required) {
        Instant instant = parsed(field, required, Instant::parse,
                "must be an ISO-8601 instant such as 2026-03-01T12:00:00Z");
        if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST))) {
            reject(field, "must be from " + EARLIEST + " to before " + LATEST);
            return null;
        }
        return instant;
    }

    LocalDate date(String field) {
        return parsed(field, false, LocalDate::parse, "must be a date such as 1990-04-30");
    }

    /** Parses a string field with {@code parser}, or records {@code message} when it does not parse. */
    <T> T parsed(String field, boolean required, Function<String, T> parser, String message) {
        String raw = text(field, required, 100);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            reject(field, message);
            return null;
        }
    }

    BodyReader object(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        return new BodyReader(value, path(field) + ".", violations, readers);
    }

    List<BodyReader> array(String field, int maxItems) {
        JsonNode value = value(field, false);
        List<BodyReader> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray() || value.size() > maxItems) {
            reject(field, "must be an array of at most " + maxItems + " objects");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (value.get(i).isObject()) {
                items.add(new BodyReader(value.get(i), itemPath + ".", violations, readers));
            } else {
                violations.add(new Violation(itemPath, "must be an object"));
            }
        }
        return items;
    }

    /** An optional array of non-empty strings (empty when absent). */
    List<String> texts(String field, int maxItems) {
        JsonNode value = value(field, false);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray() || value.size() > maxItems) {
            reject(field, "must be an array of at most " + maxItems + " strings");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual() && Text.hasControl(value.get(i).asText())) {
                violations.add(new Violation(path(field) + "[" + i + "]", Text.CONTROL_MESSAGE));
            } else if (value.get(i).isTextual() && !value.get(i).asText().isBlank()) {
                items.add(value.get(i).asText().strip());
            } else {
                violations.add(new Violation(path(field) + "[" + i + "]", "must be a non-empty string"));
            }
        }
        return items;
    }

    boolean has(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private JsonNode value(String field, boolean required) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        return value;
    }

    private String path(String field) {
        return prefix + field;
    }
}
