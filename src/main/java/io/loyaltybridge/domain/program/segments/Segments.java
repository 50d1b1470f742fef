package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;
import java.util.List;

/**
 * Segment rules. RFM segments come from a fixed, documented table ({@link RfmSegments}); custom segments are
 * declared by the integrator as conditions over {@link MemberStats}.
 *
 * @param churnMediumRatio days since the last order divided by the member's own typical interval at or above which
 *                         churn risk is MEDIUM
 * @param churnHighRatio   ratio at or above which churn risk is HIGH
 */
public record Segments(BigDecimal churnMediumRatio, BigDecimal churnHighRatio, List<CustomSegment> custom) {
    public Segments {
        custom = List.copyOf(custom);
    }

    public static Segments defaults() {
        return new Segments(new BigDecimal("1.5"), new BigDecimal("3"), List.of());
    }
}
