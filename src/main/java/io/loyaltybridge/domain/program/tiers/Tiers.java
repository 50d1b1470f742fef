package io.loyaltybridge.domain.program.tiers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Tier rules. Levels are ordered from lowest to highest; the first has threshold 0 so every member has a tier.
 *
 * @param basis         what is counted towards a threshold
 * @param window        over which dates it is counted
 * @param rollingMonths length of a ROLLING window
 * @param graceDays     days a member keeps a tier after the first assessment that found them below it
 * @param downgrade     how far one downgrade goes
 * @param vip           the manually granted tier and whether it pins or floors; null when there is none
 * @param downgradeRisk when a member's downgrade risk shown on the CRM contact is high
 */
public record Tiers(Basis basis, Window window, int rollingMonths, int graceDays, Downgrade downgrade,
                    List<TierLevel> levels, Vip vip, DowngradeRisk.Rule downgradeRisk) {

    public enum Basis { POINTS, SPEND, ORDERS }

    public enum Window { ROLLING, CALENDAR_YEAR, ANNIVERSARY }

    public enum Downgrade { ONE_LEVEL, TO_QUALIFYING }

    /** PIN: a VIP member is in the VIP tier whatever they earn. FLOOR: they never fall below it but may rise above. */
    public enum VipMode { PIN, FLOOR }

    public record TierLevel(String name, BigDecimal threshold, BigDecimal multiplier) {
    }

    public record Vip(String tier, VipMode mode) {
    }

    /** Tiers with the default downgrade-risk rule. */
    public Tiers(Basis basis, Window window, int rollingMonths, int graceDays, Downgrade downgrade,
                 List<TierLevel> levels, Vip vip) {
        this(basis, window, rollingMonths, graceDays, downgrade, levels, vip, DowngradeRisk.Rule.DEFAULT);
    }

    public Tiers {
        levels = List.copyOf(levels);
        downgradeRisk = downgradeRisk == null ? DowngradeRisk.Rule.DEFAULT : downgradeRisk;
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a program needs at least one tier");
        }
    }

    public static Tiers single(String name) {
        return new Tiers(Basis.POINTS, Window.CALENDAR_YEAR, 12, 0, Downgrade.ONE_LEVEL,
                List.of(new TierLevel(name, BigDecimal.ZERO, BigDecimal.ONE)), null);
    }

    public int rank(String tier) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(tier)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown tier: " + tier);
    }

    public Optional<TierLevel> level(String tier) {
        return levels.stream().filter(l -> l.name().equals(tier)).findFirst();
    }

    public TierLevel lowest() {
        return levels.get(0);
    }
}
