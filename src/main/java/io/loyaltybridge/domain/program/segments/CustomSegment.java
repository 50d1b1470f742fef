package io.loyaltybridge.domain.program.segments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A segment an integrator declares: a member is in it when ALL its conditions hold. The language is deliberately
 * tiny so that a support agent can read it: {@code field operator value(s)} over {@link MemberStats#field}.
 */
public record CustomSegment(String name, List<Condition> all) {
    public CustomSegment {
        all = List.copyOf(all);
    }

    /** Numeric fields compare as numbers; text fields only support eq, ne and in. */
    public static final Set<String> NUMBER_FIELDS = Set.of("orders", "spend", "averageOrderValue",
            "daysSinceLastOrder", "daysSinceJoined", "pointsBalance");
    public static final Set<String> TEXT_FIELDS = Set.of("tier", "preferredCategory", "rfmSegment");

    public enum Operator {
        EQ("eq"), NE("ne"), LT("lt"), LE("le"), GT("gt"), GE("ge"), IN("in");

        private final String word;

        Operator(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean numericOnly() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        public static Operator fromWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** {@code values} has one element except for IN. */
    public record Condition(String field, Operator op, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }

        /** A missing value (no order yet, so no days since last order) never matches. */
        public boolean holds(MemberStats stats) {
            Object actual = stats.field(field);
            if (actual == null) {
                return false;
            }
            if (actual instanceof BigDecimal number) {
                return values.stream().anyMatch(v -> compare(number.compareTo(new BigDecimal(v))));
            }
            String text = actual.toString();
            return switch (op) {
                case EQ, IN -> values.contains(text);
                case NE -> !values.contains(text);
                default -> false;
            };
        }

        private boolean compare(int c) {
            return switch (op) {
                case EQ, IN -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    public boolean contains(MemberStats stats) {
        return all.stream().allMatch(c -> c.holds(stats));
    }
}
