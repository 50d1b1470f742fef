package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.program.Program;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What badges, segments and CLTV need to know about one order: its day in the program zone, the money the customer
 * kept in program units, and that money split by category (lines scaled by the kept share, so a partial refund
 * shrinks every line).
 *
 * @param earns the order earns (in the program currency or a declared one, total at least the minimum order,
 *              something kept): only such orders count for badges, streaks and referrals
 */
public record OrderFact(LocalDate on, BigDecimal kept, Map<String, BigDecimal> spendByCategory, boolean earns) {
    public OrderFact {
        spendByCategory = Map.copyOf(spendByCategory);
    }

    public OrderFact(LocalDate on, BigDecimal kept, Map<String, BigDecimal> spendByCategory) {
        this(on, kept, spendByCategory, kept.signum() > 0);
    }

    /**
     * The order in program units: converted at the program's fixed rate, or worth nothing (so counted nowhere) in a
     * currency the program declares no rate for.
     */
    public static OrderFact of(Order order, Program program) {
        BigDecimal rate = program.rateOf(order.currency()).orElse(BigDecimal.ZERO);
        OrderFact whole = of(order, program.zone());
        Map<String, BigDecimal> byCategory = new HashMap<>();
        whole.spendByCategory().forEach((category, amount) -> byCategory.put(category, amount.multiply(rate)));
        BigDecimal kept = whole.kept().multiply(rate);
        boolean earns = kept.signum() > 0
                && order.total().multiply(rate).compareTo(program.earning().minimumOrder()) >= 0;
        return new OrderFact(whole.on(), kept, byCategory, earns);
    }

    /** An order taken to be in the program currency, with no minimum order. */
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
