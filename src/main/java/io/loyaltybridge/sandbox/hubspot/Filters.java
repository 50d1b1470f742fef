package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Search filters as predicates. Values compare by the property's type: numbers as decimals, dates and datetimes as
 * epoch millis (either form may be sent), everything else as case-insensitive text.
 */
final class Filters {
    private Filters() {
    }

    static Predicate<Snap> compile(ObjectStore store, JsonNode f) {
        String name = Json.text(f, "propertyName", null);
        String op = Json.text(f, "operator", "EQ");
        PropertyDef def = name == null ? null : store.catalog.get(name);
        if (def == null) {
            throw ApiError.validation("There was a problem with the request: property '" + name
                    + "' does not exist on " + store.type.path).with("propertyName", String.valueOf(name));
        }
        String value = Json.text(f, "value", null);
        List<Comparable<?>> values = new ArrayList<>();
        Req.strings(f, "values").forEach(v -> values.add(key(def, v)));
        Comparable<?> low = value == null ? null : key(def, value);
        Comparable<?> high = f.has("highValue") ? key(def, f.get("highValue").asText()) : null;
        return s -> {
            String raw = store.value(s, name);
            Comparable<?> k = raw == null ? null : key(def, raw);
            return switch (op) {
                case "EQ" -> k != null && cmp(k, need(low, op)) == 0;
                case "NEQ" -> k == null || cmp(k, need(low, op)) != 0;
                case "LT" -> k != null && cmp(k, need(low, op)) < 0;
                case "LTE" -> k != null && cmp(k, need(low, op)) <= 0;
                case "GT" -> k != null && cmp(k, need(low, op)) > 0;
                case "GTE" -> k != null && cmp(k, need(low, op)) >= 0;
                case "BETWEEN" -> k != null && cmp(k, need(low, op)) >= 0 && cmp(k, need(high, op)) <= 0;
                case "IN" -> k != null && values.stream().anyMatch(v -> cmp(k, v) == 0);
                case "NOT_IN" -> k == null || values.stream().noneMatch(v -> cmp(k, v) == 0);
                case "HAS_PROPERTY" -> raw != null;
                case "NOT_HAS_PROPERTY" -> raw == null;
                case "CONTAINS_TOKEN" -> raw != null && containsToken(raw, Objects.requireNonNull(value));
                case "NOT_CONTAINS_TOKEN" -> raw == null || !containsToken(raw, Objects.requireNonNull(value));
                default -> throw ApiError.validation("Unknown operator " + op);
            };
        };
    }

    /** Checks operator and value up front so a bad filter is a 400, not a failure half-way through a scan. */
    static void check(JsonNode f) {
        String op = Json.text(f, "operator", "");
        boolean needsValue = switch (op) {
            case "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN" -> true;
            case "BETWEEN" -> {
                if (!f.has("highValue")) {
                    throw ApiError.validation("BETWEEN needs both value and highValue");
                }
                yield true;
            }
            case "IN", "NOT_IN" -> {
                if (!f.has("values")) {
                    throw ApiError.validation(op + " needs 'values'");
                }
                yield false;
            }
            case "HAS_PROPERTY", "NOT_HAS_PROPERTY" -> false;
            default -> throw ApiError.validation("Unknown filter operator '" + op + "'").with("operator", op);
        };
        if (needsValue && !f.has("value")) {
            throw ApiError.validation(op + " needs a 'value'");
        }
    }

    static Comparable<?> key(PropertyDef def, String raw) {
        switch (def.type()) {
            case "number":
                try {
                    return new BigDecimal(raw.trim());
                } catch (NumberFormatException e) {
                    throw ApiError.validation("'" + raw + "' is not a number for property " + def.name());
                }
            case "date":
            case "datetime":
                return ValueRules.epochMillis(raw).orElseThrow(() ->
                        ApiError.validation("'" + raw + "' is not a date for property " + def.name()));
            default:
                return raw.toLowerCase();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int cmp(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    private static Comparable<?> need(Comparable<?> v, String op) {
        if (v == null) {
            throw ApiError.validation(op + " needs a value");
        }
        return v;
    }

    private static boolean containsToken(String raw, String token) {
        Pattern p = Pattern.compile(Pattern.quote(token.toLowerCase()).replace("*", "\\E.*\\Q"));
        String lower = raw.toLowerCase();
        if (p.matcher(lower).matches()) {
            return true;
        }
        for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
            if (p.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }
}
