package io.loyaltybridge.domain.program.referrals;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * A member's referral code: 7 characters plus a check character, from an alphabet without look-alikes (no 0/O,
 * 1/I/L, U/V). The code is a reversible scramble of the member id, so it is unique per member, needs no storage,
 * does not reveal how many members there are, and {@link #memberOf} finds the member back. The check character
 * catches a mistyped character. Ids up to 2^34 (about 17 billion) are supported.
 */
public final class ReferralCode {
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private static final int BASE = ALPHABET.length();
    private static final int BITS = 34;
    private static final long MASK = (1L << BITS) - 1;
    private static final long MULTIPLIER = 0x2F0B3A5D5L & MASK | 1L;
    private static final long INVERSE = BigInteger.valueOf(MULTIPLIER)
            .modInverse(BigInteger.ONE.shiftLeft(BITS)).longValueExact();
    private static final int LENGTH = 7;

    private ReferralCode() {
    }

    public static String of(MemberId member) {
        long id = member.value();
        if (id > MASK) {
            throw new IllegalArgumentException("member id too large for a referral code: " + id);
        }
        long scrambled = mix(mix(id) * MULTIPLIER & MASK);
        char[] digits = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (scrambled % BASE));
            scrambled /= BASE;
        }
        String body = new String(digits);
        return body + check(body);
    }

    /** The member a code belongs to; empty when the code is malformed or its check character is wrong. */
    public static Optional<MemberId> memberOf(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace("-", "");
        if (normalized.length() != LENGTH + 1 || normalized.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        String body = normalized.substring(0, LENGTH);
        if (check(body) != normalized.charAt(LENGTH)) {
            return Optional.empty();
        }
        long scrambled = 0;
        for (char c : body.toCharArray()) {
            scrambled = scrambled * BASE + ALPHABET.indexOf(c);
        }
        if (scrambled > MASK) {
            return Optional.empty();
        }
        long id = mix(mix(scrambled) * INVERSE & MASK);
        return id > 0 ? Optional.of(new MemberId(id)) : Optional.empty();
    }

    /** An xor-shift by half the width is its own inverse, which keeps decoding simple. */
    private static long mix(long x) {
        return (x ^ (x >>> (BITS / 2))) & MASK;
    }

    /** Weighted sum modulo the alphabet size: catches any single wrong character and most swaps. */
    private static char check(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        return ALPHABET.charAt(sum % BASE);
    }
}
