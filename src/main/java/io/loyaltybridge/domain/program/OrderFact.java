package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderLine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What badges, segments and CLTV need to know about one order: its day in the program zone, the money the customer
 * kept, and that money split by category (lines scaled by the kept share, so a partial refund shrinks every line).
 */
public record OrderFact(LocalDate on, BigDecimal kept, Map<String, BigDecimal> spendByCategory) {
    public OrderFact {
        spendByCategory = Map.copyOf(spendByCategory);
    }

    public static OrderFact of(Order order, ZoneId zone) {
        BigDecimal kept = order.keptAmount();
        Map<String, BigDecimal> byCategory = new HashMap<>();
        if (order.total().signum() > 0) {
            BigDecimal share = kept.divide(order.total(), MathContext.DECIMAL64);
            for (OrderLine line : order.lines()) {
                if (line.category() != null) {
                    byCategory.merge(line.category(), line.amount().multiply(share), BigDecimal::add);
                }
            }
        }
        return new OrderFact(order.placedAt().atZone(zone).toLocalDate(), kept, byCategory);
    }

    public static OrderFact of(LocalDate on, String amount) {
        return new OrderFact(on, new BigDecimal(amount), Map.of());
    }

    /** Cancelled and fully refunded orders are not purchases for badges, segments or value. */
    public boolean counts() {
        return kept.signum() > 0;
    }
}
