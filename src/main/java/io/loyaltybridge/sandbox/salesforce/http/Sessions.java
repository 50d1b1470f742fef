package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.Faults;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued access tokens. A token dies when revoked, when its lifetime (on the sandbox clock) is over, or when the
 * fault injector expires all tokens; the next API call with it then answers 401 INVALID_SESSION_ID.
 */
public final class Sessions {
    /** Who a token was issued to; {@code clientId} becomes the {@code client=} part of REST change origins. */
    public record Session(String token, String clientId, String username, long epoch, long issuedAt) {
    }

    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Faults faults;
    private final Clock clock;
    private final Duration lifetime;
    private final String orgId15;

    public Sessions(Faults faults, Clock clock, Duration lifetime, String orgId) {
        this.faults = faults;
        this.clock = clock;
        this.lifetime = lifetime;
        this.orgId15 = orgId.substring(0, 15);
    }

    public Session issue(String clientId, String username) {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        // the org id, a '!', then opaque text: the shape of a real Salesforce session id
        String token = orgId15 + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Session s = new Session(token, clientId, username, faults.tokenEpoch(), clock.millis());
        byToken.put(token, s);
        return s;
    }

    /** The live session for this token, or null. */
    public Session valid(String token) {
        Session s = token == null ? null : byToken.get(token);
        if (s == null) {
            return null;
        }
        boolean expired = s.epoch() != faults.tokenEpoch()
                || clock.millis() - s.issuedAt() > lifetime.toMillis();
        return expired ? null : s;
    }

    public boolean revoke(String token) {
        return token != null && byToken.remove(token) != null;
    }
}
