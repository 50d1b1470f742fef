package io.loyaltybridge.hubspot;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

/**
 * HubSpot's v3 request signature: Base64(HMAC-SHA256(app secret, method + URI + raw body + timestamp)), where the
 * URI is the one HubSpot called (our public URL, not what the server saw behind a proxy). Requests whose timestamp
 * is more than five minutes away from our clock are refused, in either direction: an old one could be a captured
 * request replayed later, and one dated ahead would stay replayable for as long as it is dated ahead.
 */
final class WebhookSignature {
    enum Verdict { VALID, MISSING, STALE, WRONG }

    static final long MAX_AGE_MS = 5 * 60 * 1000;
    private final byte[] secret;
    private final Clock clock;

    WebhookSignature(String appSecret, Clock clock) {
        this.secret = appSecret == null ? null : appSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    Verdict check(String method, String uri, byte[] rawBody, String signature, String timestamp) {
        if (secret == null || signature == null || timestamp == null) {
            return Verdict.MISSING;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        if (Math.abs(clock.millis() - sentAt) > MAX_AGE_MS) {
            return Verdict.STALE;
        }
        byte[] expected = sign(method, uri, rawBody, timestamp.strip());
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG;
        }
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.WRONG;
    }

    private byte[] sign(String method, String uri, byte[] rawBody, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((method + uri).getBytes(StandardCharsets.UTF_8));
            mac.update(rawBody);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
