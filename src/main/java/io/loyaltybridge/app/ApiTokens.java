package io.loyaltybridge.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's named tokens: the main one ({@link ApiToken}) plus any in {@code LOYALTY_API_TOKENS}
 * ("name:token,name:token"), one per person or system, so the audit log can say who did what.
 */
final class ApiTokens {
    private static final int MIN_LENGTH = 16;

    private ApiTokens() {
    }

    static Map<String, String> all(ApiToken main, Config config) {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put(main.name(), main.value());
        String listed = config.secret("LOYALTY_API_TOKENS");
        if (listed == null) {
            return byName;
        }
        for (String pair : listed.split(",")) {
            int colon = pair.indexOf(':');
            String name = colon < 0 ? "" : pair.substring(0, colon).strip();
            String token = colon < 0 ? "" : pair.substring(colon + 1).strip();
            // The message names the entry by position and name only: the value is a secret.
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new StartupException("LOYALTY_API_TOKENS: each entry must be name:token with a name of letters,"
                        + " digits, '.', '_' or '-'");
            }
            if (token.length() < MIN_LENGTH) {
                throw new StartupException("LOYALTY_API_TOKENS: the token of '" + name + "' must be at least "
                        + MIN_LENGTH + " characters");
            }
            if (byName.containsKey(name) || byName.containsValue(token)) {
                throw new StartupException("LOYALTY_API_TOKENS: '" + name + "' repeats a name or a token");
            }
            byName.put(name, token);
        }
        return byName;
    }
}
