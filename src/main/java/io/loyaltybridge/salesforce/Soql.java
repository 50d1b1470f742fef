package io.loyaltybridge.salesforce;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SOQL text we build from values that came from outside: only well-formed record ids get in. */
final class Soql {
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private Soql() {
    }

    static String idList(List<String> ids) {
        return ids.stream().peek(Soql::requireId).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a Salesforce id: " + id);
        }
    }
}
