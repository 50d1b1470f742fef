package io.loyaltybridge.salesforce;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SOQL text we build from values that came from outside. Only well-formed record ids get into an id list, and
 * every value is still written as an escaped string literal: should a looser value ever reach a query, it stays one
 * literal instead of becoming SOQL.
 */
final class Soql {
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private Soql() {
    }

    static String idList(List<String> ids) {
        return ids.stream().peek(Soql::requireId).map(Soql::literal).collect(Collectors.joining(", "));
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A quoted SOQL string literal: backslash and both quotes escaped, and the control characters SOQL names. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\', '\'', '"' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    private static void requireId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a Salesforce id: " + id);
        }
    }
}
