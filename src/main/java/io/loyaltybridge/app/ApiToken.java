package io.loyaltybridge.app;

import java.security.SecureRandom;
import java.util.Base64;

/** The API's bearer token: from {@code LOYALTY_API_TOKEN}, or generated for this run and shown once on the console. */
public record ApiToken(String value, String name, String origin) {
    private static final int MIN_LENGTH = 16;

    /** True when generated for this run: then (only then) the console may show it, as it was shown anyway. */
    public boolean generated() {
        return name.equals("generated-token");
    }

    static ApiToken from(Config config) {
        String configured = config.secret("LOYALTY_API_TOKEN");
        if (configured != null) {
            if (configured.length() < MIN_LENGTH) {
                throw new StartupException("LOYALTY_API_TOKEN: must be at least " + MIN_LENGTH + " characters");
            }
            return new ApiToken(configured, "api-token", "token from LOYALTY_API_TOKEN");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new ApiToken(generated, "generated-token", "token printed on the console at start");
    }

    /** Shows a generated token once every startup check has passed (a start that fails prints none). */
    void announce() {
        if (generated()) {
            // Straight to the console, not the log: log files are kept and shipped, and a token must not land there.
            io.loyaltybridge.app.log.Console.out("LoyaltyBridge API token for this run (set LOYALTY_API_TOKEN to choose one): "
                    + value);
        }
    }
}
