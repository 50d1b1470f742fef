package io.loyaltybridge.sync;

import java.util.regex.Pattern;

/**
 * A failure as it may be logged at WARN: its kind and the start of its message, without what CRMs quote back.
 * A CRM's error answer names the record's values (an invalid email, a name too long), and Camel's exceptions carry
 * whole answer bodies; logs are kept and shipped, so those stay out. The full failure goes to DEBUG and, for a
 * record, into its dead letter (in the database, erased with the member).
 */
public final class LogSafe {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+@[\\w-]+(\\.[\\w-]+)*");
    private static final int MAX = 300;

    private LogSafe() {
    }

    public static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        int body = firstOf(message, "{", "[", "\"", "'");
        if (body >= 0) {
            message = message.substring(0, body).strip() + " (details at DEBUG)";
        }
        message = EMAIL.matcher(message).replaceAll("<email>");
        if (message.length() > MAX) {
            message = message.substring(0, MAX) + "...";
        }
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static int firstOf(String text, String... marks) {
        int first = -1;
        for (String mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
