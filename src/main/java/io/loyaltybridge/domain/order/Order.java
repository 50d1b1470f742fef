package io.loyaltybridge.domain.order;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order as its source reports it now. A later report of the same {@link OrderKey} replaces it; the ledger then
 * records only the difference in points.
 */
public record Order(OrderKey key, MemberId member, BigDecimal total, CurrencyCode currency, Instant placedAt,
                    OrderStatus status, BigDecimal refundedAmount, List<OrderLine> lines) {

    /** Larger than any real order; anything above is a unit mistake (cents sent as units) or an attack. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    public static final int MAX_SCALE = 4;

    public Order {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        refundedAmount = refundedAmount == null ? BigDecimal.ZERO : refundedAmount;
        List<Violation> problems = violations(total, status, refundedAmount, lines);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** What the customer kept: the part of the total that earns points. */
    public BigDecimal keptAmount() {
        return switch (status) {
            case COMPLETED -> total;
            case PARTIALLY_REFUNDED -> total.subtract(refundedAmount);
            case CANCELLED, REFUNDED -> BigDecimal.ZERO;
        };
    }

    /** The refund or cancellation in words, for ledger reasons a support agent reads. */
    public String refundedOrCancelledWords() {
        return switch (status) {
            case CANCELLED -> "cancelled";
            case REFUNDED -> "refunded in full";
            case PARTIALLY_REFUNDED -> refundedAmount.toPlainString() + " of " + total.toPlainString() + " "
                    + currency + " refunded";
            case COMPLETED -> "total now " + total.toPlainString() + " " + currency;
        };
    }

    /** Same member-visible state: a resubmission with this state changes nothing. */
    public boolean sameStateAs(Order other) {
        return total.compareTo(other.total) == 0 && currency.equals(other.currency)
                && placedAt.equals(other.placedAt) && status == other.status
                && refundedAmount.compareTo(other.refundedAmount) == 0 && sameLines(other.lines);
    }

    private boolean sameLines(List<OrderLine> others) {
        if (lines.size() != others.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine a = lines.get(i);
            OrderLine b = others.get(i);
            if (!Objects.equals(a.sku(), b.sku()) || !Objects.equals(a.category(), b.category())
                    || a.quantity() != b.quantity() || a.unitPrice().compareTo(b.unitPrice()) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every rule the amounts and status break, with field paths as an API caller sent them. Absent values are
     * skipped: whoever read the input reports those.
     */
    public static List<Violation> violations(BigDecimal total, OrderStatus status, BigDecimal refunded,
                                             List<OrderLine> lines) {
        List<Violation> problems = new ArrayList<>();
        checkAmount("total", total, problems);
        checkAmount("refundedAmount", refunded, problems);
        if (problems.isEmpty() && total != null && refunded != null && refunded.compareTo(total) > 0) {
            problems.add(new Violation("refundedAmount", "must not exceed the total"));
        }
        if (problems.isEmpty() && total != null && refunded != null && status == OrderStatus.PARTIALLY_REFUNDED
                && (refunded.signum() == 0 || refunded.compareTo(total) == 0)) {
            problems.add(new Violation("refundedAmount",
                    "a partially refunded order needs a refunded amount above zero and below the total"));
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.quantity() <= 0 || line.quantity() > 1_000_000) {
                problems.add(new Violation("lines[" + i + "].quantity", "must be between 1 and 1000000"));
            }
            checkAmount("lines[" + i + "].unitPrice", line.unitPrice(), problems);
        }
        return problems;
    }

    private static void checkAmount(String field, BigDecimal amount, List<Violation> problems) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(new Violation(field, "must not be negative"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new Violation(field, "must not exceed " + MAX_AMOUNT.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            problems.add(new Violation(field, "must have at most " + MAX_SCALE + " decimal places"));
        }
    }
}
