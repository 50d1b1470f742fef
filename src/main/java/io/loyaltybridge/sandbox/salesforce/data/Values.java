package io.loyaltybridge.sandbox.salesforce.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * How each field type is stored and written: datetimes as epoch millis (Long), dates as epoch days (Integer),
 * numbers as Double, lookups as the referenced {@link SRecord}. Salesforce writes datetimes as
 * {@code 2026-01-01T00:00:00.000+0000}.
 */
public final class Values {
    private static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PARSE_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().toFormatter(Locale.ROOT);

    private Values() {
    }

    public static String formatDateTime(long millis) {
        return SF_DATETIME.format(Instant.ofEpochMilli(millis));
    }

    public static String formatDate(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** Accepts both {@code 2026-01-01T00:00:00Z} and {@code 2026-01-01T00:00:00.000+0000}; null when neither. */
    public static Long parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, PARSE_DATETIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Integer parseDate(String text) {
        try {
            return (int) LocalDate.parse(text).toEpochDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A plain value as JSON/CSV/SOQL would show it: ids as strings, dates formatted, numbers as Double. */
    public static Object external(FieldType type, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (type) {
            case REFERENCE -> ((SRecord) stored).id();
            case DATE -> formatDate((Integer) stored);
            case DATETIME -> formatDateTime((Long) stored);
            default -> stored;
        };
    }

    /**
     * Converts a value from an API request (JSON scalars) or the admin API (Java objects) to its stored form.
     * Lookups are resolved by the caller; here they stay id strings.
     */
    public static Object convert(FieldDef field, Object in) {
        if (in == null) {
            return null;
        }
        FieldType t = field.type();
        if (t.isText() || t.isId()) {
            if (!(in instanceof String s)) {
                throw typeError(field, in);
            }
            if (t.isText() && field.length() > 0 && s.length() > field.length()) {
                throw new FieldError("STRING_TOO_LONG", field.label() + ": data value too large: " + abbreviate(s)
                        + " (max length=" + field.length() + ")", List.of(field.name()));
            }
            if (t == FieldType.EMAIL && !s.isEmpty() && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new FieldError("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + s,
                        List.of(field.name()));
            }
            return s;
        }
        return switch (t) {
            case BOOLEAN -> in instanceof Boolean b ? b : throwType(field, in);
            case DOUBLE, CURRENCY -> in instanceof Number n ? Double.valueOf(n.doubleValue()) : number(field, in);
            case DATE -> convertDate(field, in);
            case DATETIME -> convertDateTime(field, in);
            default -> throwType(field, in);
        };
    }

    /** The REST API also takes numbers written as JSON strings ("120.5"). */
    private static Object number(FieldDef field, Object in) {
        if (in instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the type error
            }
        }
        return throwType(field, in);
    }

    private static Object convertDate(FieldDef field, Object in) {
        if (in instanceof LocalDate d) {
            return (int) d.toEpochDay();
        }
        Integer day = in instanceof String s ? parseDate(s) : null;
        return day != null ? day : throwType(field, in);
    }

    private static Object convertDateTime(FieldDef field, Object in) {
        if (in instanceof Instant i) {
            return i.toEpochMilli();
        }
        Long millis = in instanceof String s ? parseDateTime(s) : null;
        return millis != null ? millis : throwType(field, in);
    }

    private static Object throwType(FieldDef field, Object in) {
        throw typeError(field, in);
    }

    private static FieldError typeError(FieldDef field, Object in) {
        return new FieldError("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: "
                + abbreviate(String.valueOf(in)), List.of(field.name()));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
