package io.loyaltybridge.domain.order;

import io.loyaltybridge.domain.Violation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one list of rules an order report must meet to be taken in, whatever its source (the API, Salesforce,
 * HubSpot, the sandbox shop): each rule is named, and {@link #violations} answers every rule the report breaks with
 * the field it concerns, so a caller learns all its problems at once. Fields are named as the API names them; the
 * member field is named by the source ({@code member} for the API, {@code contact} for a CRM).
 */
public final class OrderAcceptance {
    /** How far ahead of our clock a placed-at may be (clocks and time zones disagree by hours, never by days). */
    public static final Duration FUTURE_SKEW = Duration.ofDays(1);
    /** Larger than any real order; anything above is a unit mistake (cents sent as units) or an attack. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    public static final int MAX_SCALE = 4;

    private OrderAcceptance() {
    }

    /** An order as its source reported it: any field may be missing. */
    public record Report(String externalId, String memberField, boolean hasMember, BigDecimal total,
                         String currency, Instant placedAt, OrderStatus status, BigDecimal refundedAmount,
                         List<OrderLine> lines) {
        public Report {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** Every rule the report breaks, in the order of {@link Rule}; empty when it can be taken in. */
    public static List<Violation> violations(Report order, Instant now) {
        List<Violation> problems = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            rule.check(order, now, problems);
        }
        return problems;
    }

    /** The rules, each named for what it requires. */
    public enum Rule {
        HAS_ITS_SOURCE_ID {
            void check(Report o, Instant now, List<Violation> problems) {
                if (o.externalId() == null || o.externalId().isBlank()) {
                    problems.add(new Violation("externalId", "is required"));
                }
            }
        },
        NAMES_ITS_MEMBER {
            void check(Report o, Instant now, List<Violation> problems) {
                if (!o.hasMember()) {
                    problems.add(new Violation(o.memberField(), "is required"));
                }
            }
        },
        HAS_A_TOTAL_IN_RANGE {
            void check(Report o, Instant now, List<Violation> problems) {
                if (o.total() == null) {
                    problems.add(new Violation("total", "is required"));
                } else {
                    amount("total", o.total(), problems);
                }
            }
        },
        IS_IN_A_KNOWN_CURRENCY {
            void check(Report o, Instant now, List<Violation> problems) {
                if (!CurrencyCode.isKnown(o.currency())) {
                    problems.add(new Violation("currency", o.currency() == null ? "is required"
                            : "must be a known ISO 4217 code, was " + o.currency()));
                }
            }
        },
        WAS_PLACED_NOT_IN_THE_FUTURE {
            void check(Report o, Instant now, List<Violation> problems) {
                if (o.placedAt() == null) {
                    problems.add(new Violation("placedAt", "is required"));
                } else if (o.placedAt().isAfter(now.plus(FUTURE_SKEW))) {
                    // A date typed wrong (year 9999) would hold the order's points pending for ever.
                    problems.add(new Violation("placedAt", "must not be in the future, was " + o.placedAt()));
                }
            }
        },
        HAS_A_STATUS {
            void check(Report o, Instant now, List<Violation> problems) {
                if (o.status() == null) {
                    problems.add(new Violation("status", "is required"));
                }
            }
        },
        REFUNDS_WITHIN_THE_TOTAL {
            void check(Report o, Instant now, List<Violation> problems) {
                problems.addAll(refundViolations(o.total(), o.status(), o.refundedAmount()));
            }
        },
        HAS_VALID_LINES {
            void check(Report o, Instant now, List<Violation> problems) {
                problems.addAll(lineViolations(o.lines()));
            }
        };

        abstract void check(Report order, Instant now, List<Violation> problems);
    }

    /** The refund rules alone (an {@link Order} holds to them whatever its source); absent values are skipped. */
    static List<Violation> refundViolations(BigDecimal total, OrderStatus status, BigDecimal refunded) {
        List<Violation> problems = new ArrayList<>();
        if (refunded == null) {
            return problems;
        }
        amount("refundedAmount", refunded, problems);
        boolean valid = problems.isEmpty() && total != null && !outOfRange(total);
        if (valid && refunded.compareTo(total) > 0) {
            problems.add(new Violation("refundedAmount", "must not exceed the total"));
        } else if (valid && status == OrderStatus.PARTIALLY_REFUNDED
                && (refunded.signum() == 0 || refunded.compareTo(total) == 0)) {
            problems.add(new Violation("refundedAmount",
                    "a partially refunded order needs a refunded amount above zero and below the total"));
        }
        return problems;
    }

    static List<Violation> lineViolations(List<OrderLine> lines) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.quantity() <= 0 || line.quantity() > 1_000_000) {
                problems.add(new Violation("lines[" + i + "].quantity", "must be between 1 and 1000000"));
            }
            if (line.unitPrice() != null) {
                amount("lines[" + i + "].unitPrice", line.unitPrice(), problems);
            }
        }
        return problems;
    }

    private static boolean outOfRange(BigDecimal amount) {
        List<Violation> problems = new ArrayList<>();
        amount("", amount, problems);
        return !problems.isEmpty();
    }

    static void amount(String field, BigDecimal amount, List<Violation> problems) {
        if (amount.signum() < 0) {
            problems.add(new Violation(field, "must not be negative"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new Violation(field, "must not exceed " + MAX_AMOUNT.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            problems.add(new Violation(field, "must have at most " + MAX_SCALE + " decimal places"));
        }
    }
}
