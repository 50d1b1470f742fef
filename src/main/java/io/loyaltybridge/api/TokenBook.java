package io.loyaltybridge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The API's tokens, kept as SHA-256 hashes. A presented token is hashed once and compared with every stored hash
 * with {@link MessageDigest#isEqual} (constant time, and all of them each time), so neither the answer's timing
 * nor which entry matched tells a caller how close a guess came. One name may hold two tokens while a token is
 * rotated.
 */
public final class TokenBook {
    /** One configured token: its name (the audit log's "who"), its role and its secret value. */
    public record Entry(String name, Role role, String token) {
        @Override
        public String toString() {
            return "Entry[" + name + ", " + role.wire() + "]";
        }
    }

    private record Hashed(Caller caller, byte[] hash) {
    }

    private final List<Hashed> tokens;

    public TokenBook(List<Entry> entries) {
        this.tokens = entries.stream().map(e -> new Hashed(new Caller(e.name(), e.role()), sha256(e.token()))).toList();
    }

    /** The caller an {@code Authorization} header names, or null when it carries no known bearer token. */
    public Caller caller(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] presented = sha256(header.substring(7).strip());
        Caller caller = null;
        for (Hashed token : tokens) {
            if (MessageDigest.isEqual(presented, token.hash())) {
                caller = token.caller();
            }
        }
        return caller;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
