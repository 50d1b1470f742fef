package io.loyaltybridge.app.log;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback's JSON encoder with the timestamp as ISO-8601 in UTC ({@code "2026-12-07T05:01:02.345Z"}) instead of epoch
 * milliseconds, which log shippers and people read without converting. Everything else is logback's own output.
 */
public final class IsoJsonEncoder extends JsonEncoder {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Logback writes the timestamp first, as a bare number. */
    private static final Pattern EPOCH = Pattern.compile("^\\{\"timestamp\":(\\d+)");

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = new String(super.encode(event), StandardCharsets.UTF_8);
        Matcher m = EPOCH.matcher(line);
        if (m.find()) {
            line = "{\"timestamp\":\"" + iso(Long.parseLong(m.group(1))) + "\"" + line.substring(m.end());
        }
        return line.getBytes(StandardCharsets.UTF_8);
    }

    static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }
}
