package io.loyaltybridge.domain.program.earning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * How purchases earn points.
 *
 * @param pointsPerUnit       points per unit of the program currency; fractions of a unit earn their share
 * @param rounding            how each part of the breakdown is rounded to whole points, once per part
 * @param minimumOrder        an order whose total is below this earns no points and no cashback (checked on the
 *                            total, not on what is kept, so a partial refund reduces points proportionally instead
 *                            of wiping them out)
 * @param categoryMultipliers multiplier per order-line category
 * @param skuMultipliers      multiplier per SKU; a SKU multiplier replaces its line's category multiplier
 * @param returnWindowDays    points stay pending this many days after the order (0: available at once)
 */
public record Earning(BigDecimal pointsPerUnit, RoundingMode rounding, BigDecimal minimumOrder,
                      Map<String, BigDecimal> categoryMultipliers, Map<String, BigDecimal> skuMultipliers,
                      int returnWindowDays, List<Campaign> campaigns) {
    public Earning {
        categoryMultipliers = Map.copyOf(categoryMultipliers);
        skuMultipliers = Map.copyOf(skuMultipliers);
        campaigns = List.copyOf(campaigns);
    }

    /** The flat rule the ledger started with: one point per unit, rounded down, no extras. */
    public static Earning flat() {
        return new Earning(BigDecimal.ONE, RoundingMode.FLOOR, BigDecimal.ZERO, Map.of(), Map.of(), 0, List.of());
    }
}
