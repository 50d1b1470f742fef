package io.loyaltybridge.domain.program.tiers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How likely a member is to lose their tier, as sales staff see it on the CRM contact. Decided by
 * {@link DowngradeRiskPolicy} from what the member must still earn, their projected tier and the days left.
 */
public enum DowngradeRisk {
    NONE, LOW, HIGH;

    /** The rule's one setting, declared in the program file under {@code tiers.downgradeRisk}. */
    public record Rule(int highWithinDays) {
        public static final Rule DEFAULT = new Rule(90);

        public Rule {
            if (highWithinDays < 0) {
                throw new IllegalArgumentException("highWithinDays must not be negative");
            }
        }
    }

    /** The value shown in the CRMs and the API: {@code none}, {@code low}, {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The values a CRM picklist or enumeration must offer. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DowngradeRisk::wireName).toList();
    }
}
