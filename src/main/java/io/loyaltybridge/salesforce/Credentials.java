package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Config;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.support.jsse.KeyStoreParameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OAuth flow and its secrets, from the environment only, and camel's {@code salesforce} component configured
 * with them. Every missing secret of the chosen flow is reported at once, before anything starts.
 */
final class Credentials {
    static final Map<String, String> SECRETS = Map.of(
            "SALESFORCE_CLIENT_ID", "consumer key of the Salesforce connected app (every flow)",
            "SALESFORCE_CLIENT_SECRET", "consumer secret of the connected app (client-credentials, refresh-token)",
            "SALESFORCE_REFRESH_TOKEN", "refresh token of the integration user (auth=refresh-token)",
            "SALESFORCE_USERNAME", "username of the integration user the JWT is issued for (auth=jwt)",
            "SALESFORCE_JWT_KEYSTORE_PASSWORD", "password of loyalty.salesforce.jwt.keystore (auth=jwt)");

    private Credentials() {
    }

    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        for (String secret : required(config)) {
            if (config.secret(secret) == null) {
                problems.add(secret + ": not set; loyalty.salesforce.auth=" + config.get(SalesforceSettings.AUTH)
                        + " needs it in the environment");
            }
        }
        if (config.get(SalesforceSettings.AUTH).equals("jwt") && config.get(SalesforceSettings.JWT_KEYSTORE) == null) {
            problems.add("loyalty.salesforce.jwt.keystore: must be set for auth=jwt");
        }
        return problems;
    }

    private static List<String> required(Config config) {
        return switch (config.get(SalesforceSettings.AUTH)) {
            case "refresh-token" -> List.of("SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET", "SALESFORCE_REFRESH_TOKEN");
            case "jwt" -> List.of("SALESFORCE_CLIENT_ID", "SALESFORCE_USERNAME", "SALESFORCE_JWT_KEYSTORE_PASSWORD");
            default -> List.of("SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET");
        };
    }

    static SalesforceComponent component(Config config) {
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(config.get(SalesforceSettings.LOGIN_URL));
        SalesforceEndpointConfig endpoints = new SalesforceEndpointConfig();
        endpoints.setApiVersion(config.get(SalesforceSettings.API_VERSION));
        component.setConfig(endpoints);
        component.setPubSubHost(config.get(SalesforceSettings.PUBSUB_HOST));
        component.setPubSubPort(config.get(SalesforceSettings.PUBSUB_PORT));
        long timeout = config.get(SalesforceSettings.TIMEOUT_MS);
        component.setHttpClientIdleTimeout(timeout);
        component.setHttpRequestTimeout(timeout);
        component.setHttpClientConnectionTimeout(timeout);
        component.setClientId(config.secret("SALESFORCE_CLIENT_ID"));
        switch (config.get(SalesforceSettings.AUTH)) {
            case "refresh-token" -> {
                component.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
                component.setClientSecret(config.secret("SALESFORCE_CLIENT_SECRET"));
                component.setRefreshToken(config.secret("SALESFORCE_REFRESH_TOKEN"));
            }
            case "jwt" -> {
                component.setAuthenticationType(AuthenticationType.JWT);
                component.setUserName(config.secret("SALESFORCE_USERNAME"));
                component.setKeystore(keystore(config.get(SalesforceSettings.JWT_KEYSTORE),
                        config.secret("SALESFORCE_JWT_KEYSTORE_PASSWORD")));
            }
            default -> {
                component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
                component.setClientSecret(config.secret("SALESFORCE_CLIENT_SECRET"));
            }
        }
        return component;
    }

    private static KeyStoreParameters keystore(Path file, String password) {
        KeyStoreParameters keystore = new KeyStoreParameters();
        keystore.setResource("file:" + file.toAbsolutePath());
        keystore.setPassword(password);
        keystore.setType("PKCS12");
        return keystore;
    }
}
