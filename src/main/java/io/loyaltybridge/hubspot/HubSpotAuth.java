package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The Bearer token for HubSpot calls: a private app's token from the environment, or (the OAuth option) an
 * access token obtained from the refresh token and renewed shortly before it expires or when HubSpot says 401.
 */
final class HubSpotAuth {
    /**
     * Sends a form-encoded POST to /oauth/2026-03/token (every parameter in the body, none in the URL) and answers
     * the parsed reply.
     */
    interface TokenEndpoint extends Function<String, JsonNode> {
    }

    private final String privateAppToken;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private TokenEndpoint endpoint;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    private HubSpotAuth(String privateAppToken, String clientId, String clientSecret, String refreshToken,
                        Clock clock) {
        this.privateAppToken = privateAppToken;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.clock = clock;
    }

    static HubSpotAuth privateApp(String token) {
        return new HubSpotAuth(token, null, null, null, Clock.systemUTC());
    }

    static HubSpotAuth oauth(String clientId, String clientSecret, String refreshToken, Clock clock) {
        return new HubSpotAuth(null, clientId, clientSecret, refreshToken, clock);
    }

    void tokenEndpoint(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    boolean canRefresh() {
        return refreshToken != null;
    }

    synchronized String token() {
        if (privateAppToken != null) {
            return privateAppToken;
        }
        // A minute's margin: a token that expires in flight costs a 401 and a second call.
        if (accessToken == null || clock.instant().isAfter(expiresAt.minusSeconds(60))) {
            refresh();
        }
        return accessToken;
    }

    /** Forgets the access token so the next call gets a fresh one (after a 401). */
    synchronized void invalidate() {
        accessToken = null;
    }

    private void refresh() {
        String form = "grant_type=refresh_token&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&refresh_token=" + encode(refreshToken);
        JsonNode reply = endpoint.apply(form);
        if (!reply.hasNonNull("access_token")) {
            throw new HubSpotException(401, "OAUTH", "token refresh refused: " + reason(reply), null);
        }
        accessToken = reply.get("access_token").asText();
        expiresAt = clock.instant().plusSeconds(reply.path("expires_in").asLong(1800));
    }

    /**
     * The RFC 6749 fields the date-versioned API answers ({@code error}, {@code error_description}), else HubSpot's
     * legacy {@code message}; never the secrets, which are only in the request.
     */
    static String reason(JsonNode reply) {
        String error = reply.path("error").asText(null);
        String description = reply.path("error_description").asText(null);
        if (error != null) {
            return description == null ? error : error + ": " + description;
        }
        return reply.path("message").asText(reply.path("status").asText("no access_token in the reply"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
