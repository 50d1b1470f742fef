package io.loyaltybridge.sandbox.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;

/**
 * Checks a JWT bearer assertion as Salesforce does: RS256, {@code iss} = the connected app's client id, {@code sub}
 * = the username, {@code aud} = https://login.salesforce.com for a production org or
 * https://test.salesforce.com for a sandbox org (whichever host the token is posted to), {@code exp} in the future.
 * camel-salesforce sends {@code exp} as a string, so both forms pass.
 * Expiry is judged on the real clock: the client signs with the real clock, whatever the sandbox clock says.
 */
final class JwtAssertion {
    private JwtAssertion() {
    }

    /** Null when the assertion is good, otherwise the reason (used as the error description). */
    static String problem(String assertion, String clientId, String username, String audience, PublicKey key) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            return "invalid assertion";
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = Replies.JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = Replies.JSON.readTree(b64.decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return "invalid assertion";
            }
            if (!clientId.equals(claims.path("iss").asText())) {
                return "invalid client credentials";
            }
            if (!username.equals(claims.path("sub").asText())) {
                return "user hasn't approved this consumer";
            }
            if (!audience.equals(audience(claims.path("aud")))) {
                return "audience is invalid";
            }
            long exp = claims.path("exp").asLong(0);
            if (exp * 1000 < Clock.systemUTC().millis()) {
                return "expired authorization code";
            }
            if (key != null && !verified(parts, b64.decode(parts[2]), key)) {
                return "invalid assertion";
            }
            return null;
        } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
            return "invalid assertion";
        }
    }

    /** RFC 7519 allows aud as a string or an array of strings; an array passes when it holds the one expected. */
    private static String audience(JsonNode aud) {
        if (aud.isArray() && aud.size() == 1) {
            return aud.get(0).asText();
        }
        return aud.asText(null);
    }

    private static boolean verified(String[] parts, byte[] signature, PublicKey key)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }
}
