package io.loyaltybridge.app;

import io.loyaltybridge.api.Role;
import io.loyaltybridge.api.TokenBook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's named tokens: the main one ({@link ApiToken}, role {@code admin}) plus any in {@code LOYALTY_API_TOKENS}
 * ("name:role:token,..."), one per person or system, so the audit log can say who did what and each caller can do
 * only what its role allows. A name may be listed twice, with the same role, while its token is rotated.
 */
final class ApiTokens {
    static final String FORM = "name:role:token,name:role:token (role one of " + Role.NAMES + ")";
    private static final int MIN_LENGTH = 16;

    private ApiTokens() {
    }

    static List<TokenBook.Entry> all(ApiToken main, Config config) {
        List<TokenBook.Entry> all = new ArrayList<>();
        all.add(new TokenBook.Entry(main.name(), Role.ADMIN, main.value()));
        String listed = config.secret("LOYALTY_API_TOKENS");
        if (listed == null) {
            return all;
        }
        Map<String, Role> roles = new HashMap<>();
        roles.put(main.name(), Role.ADMIN);
        Set<String> values = new HashSet<>(Set.of(main.value()));
        int position = 0;
        for (String item : listed.split(",")) {
            position++;
            // Messages name an entry by position and name only: the value is a secret, and so may be a field
            // written in the wrong place.
            String[] parts = item.split(":", 3);
            String name = parts[0].strip();
            if (parts.length == 1 || !name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new StartupException("LOYALTY_API_TOKENS: entry " + position + " must be " + FORM
                        + ", with a name of letters, digits, '.', '_' or '-'");
            }
            Role role = parts.length == 3 ? Role.fromWire(parts[1].strip()) : null;
            if (role == null) {
                throw new StartupException("LOYALTY_API_TOKENS: entry " + position + " ('" + name + "') has no valid"
                        + " role; each entry is " + FORM);
            }
            String token = parts[2].strip();
            if (token.length() < MIN_LENGTH) {
                throw new StartupException("LOYALTY_API_TOKENS: the token of '" + name + "' must be at least "
                        + MIN_LENGTH + " characters");
            }
            if (!values.add(token)) {
                throw new StartupException("LOYALTY_API_TOKENS: '" + name + "' repeats a token");
            }
            Role before = roles.putIfAbsent(name, role);
            if (before != null && (before != role || name.equals(main.name()))) {
                throw new StartupException("LOYALTY_API_TOKENS: '" + name + "' repeats a name with another role"
                        + " (a name is listed twice only to rotate its token, with the same role)");
            }
            all.add(new TokenBook.Entry(name, role, token));
        }
        return all;
    }
}
