package io.loyaltybridge.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/** Salesforce's text forms of dates, datetimes and numbers, read and written. */
final class Values {
    /** REST writes {@code 2026-01-01T00:00:00.000+0000}, Bulk CSV {@code 2026-01-01T00:00:00.000Z}. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().toFormatter(Locale.ROOT);
    /** SOQL datetime literals and datetime field values we write. */
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Values() {
    }

    static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text, READ).toInstant();
    }

    static String soql(Instant instant) {
        return WRITE.format(instant);
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** A date field as the start of that day in UTC; a datetime field as it is. */
    static Instant dateOrDateTime(String text) {
        if (text == null) {
            return null;
        }
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : instant(text);
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static boolean bool(String text) {
        return "true".equalsIgnoreCase(text);
    }
}
