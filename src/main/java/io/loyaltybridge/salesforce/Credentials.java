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

    /** Hosts every org logs in at; the client-credentials flow is refused there. */
    private static final java.util.Set<String> GENERIC_HOSTS = java.util.Set.of("login.salesforce.com",
            "test.salesforce.com");

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
        String loginUrl = config.get(SalesforceSettings.LOGIN_URL);
        boolean clientCredentials = config.get(SalesforceSettings.AUTH).equals("client-credentials");
        if (clientCredentials && GENERIC_HOSTS.contains(host(loginUrl))) {
            problems.add(SalesforceSettings.LOGIN_URL.name() + ": " + loginUrl + " is a generic login host, and the"
                    + " client-credentials flow works only at the org's My Domain: set it to your My Domain URL, e.g."
                    + " https://yourcompany.my.salesforce.com (a sandbox org: https://yourcompany--dev.sandbox.my"
                    + ".salesforce.com), or choose another loyalty.salesforce.auth");
        }
        return problems;
    }

    /**
     * The JWT's {@code aud}: Salesforce wants https://login.salesforce.com for production and
     * https://test.salesforce.com for sandbox orgs, whichever host the token is posted to (My Domain included), so
     * it is derived from the login URL's host unless set.
     */
    static String jwtAudience(Config config) {
        String configured = config.get(SalesforceSettings.JWT_AUDIENCE);
        if (configured != null) {
            return configured;
        }
        String host = host(config.get(SalesforceSettings.LOGIN_URL));
        return host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")
                ? "https://test.salesforce.com" : "https://login.salesforce.com";
    }

    /** The login URL's host in lower case ("" when it has none). */
    static String host(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
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
                component.setJwtAudience(jwtAudience(config));
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
