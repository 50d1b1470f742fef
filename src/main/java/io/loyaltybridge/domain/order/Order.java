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

    public static final BigDecimal MAX_AMOUNT = OrderAcceptance.MAX_AMOUNT;
    public static final int MAX_SCALE = OrderAcceptance.MAX_SCALE;

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
     * The amount rules of {@link OrderAcceptance} that an order holds to whatever its source, with field paths as an
     * API caller sent them. Absent values are skipped: the acceptance rules report those.
     */
    public static List<Violation> violations(BigDecimal total, OrderStatus status, BigDecimal refunded,
                                             List<OrderLine> lines) {
        List<Violation> problems = new ArrayList<>();
        if (total != null) {
            OrderAcceptance.amount("total", total, problems);
        }
        problems.addAll(OrderAcceptance.refundViolations(total, status, refunded));
        problems.addAll(OrderAcceptance.lineViolations(lines));
        return problems;
    }
}
