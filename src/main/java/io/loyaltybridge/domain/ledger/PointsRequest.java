package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A redemption (positive points to take) or an adjustment (signed points), made once per idempotency key.
 * {@code actor} names who asked, for the entry's source.
 */
public record PointsRequest(long points, String reason, String idempotencyKey, String actor) {
    public static final long MAX_POINTS = 1_000_000_000L;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Every rule the request breaks; a redemption must take a positive amount, an adjustment any non-zero one. */
    public List<Violation> violations(boolean redemption) {
        List<Violation> problems = new ArrayList<>();
        if (redemption ? points <= 0 : points == 0) {
            problems.add(new Violation("points", redemption ? "must be positive" : "must not be zero"));
        } else if (Math.abs(points) > MAX_POINTS) {
            problems.add(new Violation("points", "must be at most " + MAX_POINTS + " in size"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Violation("reason", "is required"));
        } else if (reason.length() > 500) {
            problems.add(new Violation("reason", "must be at most 500 characters"));
        }
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            problems.add(new Violation("idempotencyKey",
                    "is required: 1 to 100 characters of letters, digits, '.', '_', ':' or '-'"));
        }
        return problems;
    }
}
