package io.loyaltybridge.api;

/**
 * Control characters in caller text. PostgreSQL refuses NUL in text outright (the write would fail as a 500), and
 * the other C0/C1 controls are never meant in names, keys or reasons; tab, line feed and carriage return are plain
 * text and stay allowed.
 */
final class Text {
    static final String CONTROL_MESSAGE = "must not contain control characters (such as U+0000)";

    private Text() {
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** The text with each control character shown as {@code \\uXXXX}, to name a field in a problem answer. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
