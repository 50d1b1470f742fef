package io.loyaltybridge.sandbox.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks and normalises a written value the way HubSpot does per property type: numbers must parse, dates are
 * midnight UTC (epoch millis or yyyy-MM-dd), datetimes are epoch millis or ISO-8601, enumerations must name an option.
 * An empty string clears the value (null).
 */
final class ValueRules {
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ValueRules() {
    }

    static String normalize(ObjectType type, PropertyDef def, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (def.type()) {
            case "number" -> number(type, def, raw);
            case "date" -> date(type, def, raw);
            case "datetime" -> iso(epochMillis(raw).orElseThrow(() -> invalid(type, def, raw, "INVALID_DATE",
                    raw + " is not a valid datetime; send epoch milliseconds or ISO-8601")));
            case "bool" -> bool(type, def, raw);
            case "enumeration" -> option(type, def, raw);
            default -> "email".equals(def.name()) ? email(type, def, raw) : raw;
        };
    }

    static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Epoch millis of a datetime or date value as search compares them; empty if it is neither. */
    static java.util.OptionalLong epochMillis(String raw) {
        // Search compares every record's dates through here: skip the exception of a failed parse where the form
        // already tells (an ISO value is not millis), as exceptions made large searches slow.
        String t = raw.trim();
        if (!t.isEmpty() && !Character.isDigit(t.charAt(t.length() - 1))) {
            try {
                return java.util.OptionalLong.of(Instant.parse(t).toEpochMilli());
            } catch (DateTimeParseException notInstant) {
                return java.util.OptionalLong.empty();
            }
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException notMillis) {
            try {
                return java.util.OptionalLong.of(Instant.parse(raw.trim()).toEpochMilli());
            } catch (DateTimeParseException notInstant) {
                try {
                    return java.util.OptionalLong.of(LocalDate.parse(raw.trim()).atStartOfDay(ZoneOffset.UTC)
                            .toInstant().toEpochMilli());
                } catch (DateTimeParseException notDate) {
                    return java.util.OptionalLong.empty();
                }
            }
        }
    }

    private static String number(ObjectType type, PropertyDef def, String raw) {
        try {
            return new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw invalid(type, def, raw, "INVALID_DECIMAL", raw + " was not a valid number.");
        }
    }

    private static String date(ObjectType type, PropertyDef def, String raw) {
        long millis = epochMillis(raw).orElseThrow(() ->
                invalid(type, def, raw, "INVALID_DATE", raw + " is not a valid date"));
        if (millis % 86_400_000L != 0) {
            throw invalid(type, def, raw, "INVALID_DATE",
                    raw + " is at " + Instant.ofEpochMilli(millis) + " UTC which is not midnight!");
        }
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L)).toString();
    }

    private static String bool(ObjectType type, PropertyDef def, String raw) {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return raw.toLowerCase();
        }
        throw invalid(type, def, raw, "INVALID_BOOLEAN", raw + " was not a valid boolean.");
    }

    private static String option(ObjectType type, PropertyDef def, String raw) {
        // checkbox enumerations hold several options joined by ';'
        for (String part : raw.split(";")) {
            if (def.options().stream().noneMatch(o -> o.value().equals(part))) {
                throw invalid(type, def, raw, "INVALID_OPTION", part + " was not one of the allowed options: "
                        + def.options().stream().map(PropertyDef.Option::value).toList());
            }
        }
        return raw.intern();
    }

    private static String email(ObjectType type, PropertyDef def, String raw) {
        if (!EMAIL.matcher(raw).matches()) {
            throw invalid(type, def, raw, "INVALID_EMAIL", "Email address " + raw + " is invalid");
        }
        return raw;
    }

    static ApiError invalid(ObjectType type, PropertyDef def, String raw, String code, String why) {
        String json = "[{\"isValid\":false,\"message\":" + Json.quote(why) + ",\"error\":\"" + code
                + "\",\"name\":" + Json.quote(def.name()) + "}]";
        return ApiError.validation("Property values were not valid: " + json)
                .with("propertyName", def.name()).with("error", code);
    }
}
