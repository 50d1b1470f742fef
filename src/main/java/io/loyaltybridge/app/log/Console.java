package io.loyaltybridge.app.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Lines written straight to the console rather than through the log (the generated token, the status-page link, a
 * start that failed): log files are kept and shipped, and a token must not land in them. With
 * {@code LOYALTY_LOG_FORMAT=json} they are JSON objects shaped like the log's own lines ({@link IsoJsonEncoder}), so
 * a collector reading the console parses every line.
 */
public final class Console {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean AS_JSON = "json".equalsIgnoreCase(System.getenv("LOYALTY_LOG_FORMAT"));

    private Console() {
    }

    public static void out(String message) {
        System.out.println(line(AS_JSON, Instant.now(), "INFO", message));
    }

    public static void err(String message) {
        PrintStream err = System.err;
        err.println(line(AS_JSON, Instant.now(), "ERROR", message));
    }

    /** The line as printed: the message itself, or a JSON object with the log's field names. */
    static String line(boolean json, Instant at, String level, String message) {
        if (!json) {
            return message;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", IsoJsonEncoder.iso(at.toEpochMilli()));
        node.put("level", level);
        node.put("threadName", Thread.currentThread().getName());
        node.put("loggerName", "console");
        node.put("formattedMessage", message);
        return node.toString();
    }
}
