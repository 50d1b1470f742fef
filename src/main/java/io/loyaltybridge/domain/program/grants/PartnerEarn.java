package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.program.Program;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Points for a transaction reported by a partner, at that partner's rate and the program's rounding. Partner
 * points skip tier and campaign multipliers: the partner pays for them, and only its declared rate is agreed.
 */
public final class PartnerEarn {
    private final Program program;

    public PartnerEarn(Program program) {
        this.program = program;
    }

    public record Result(long points, String reason) {
    }

    /** Empty when the partner is not declared in the program. */
    public Optional<Result> pointsFor(String partnerId, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a partner amount cannot be negative");
        }
        return program.partner(partnerId).map(partner -> {
            long points = amount.multiply(partner.pointsPerUnit())
                    .setScale(0, program.earning().rounding()).longValueExact();
            return new Result(points, partner.name() + ": " + amount.toPlainString() + " x "
                    + partner.pointsPerUnit().stripTrailingZeros().toPlainString() + " points per unit: " + points);
        });
    }
}
