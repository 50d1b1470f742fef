package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.EarnPolicy;
import io.loyaltybridge.domain.order.Order;

import java.util.function.Function;

/**
 * The program's earning rules as the ledger's {@link EarnPolicy}: order settlement asks what an order is worth now
 * and writes the difference, so refunds reverse exactly the refunded share.
 * {@code contextOf} must give the member's context as it was when the order was placed.
 */
public final class ProgramEarnPolicy implements EarnPolicy {
    private final Program program;
    private final EarnCalculator calculator;
    private final Function<Order, MemberContext> contextOf;

    public ProgramEarnPolicy(Program program, Function<Order, MemberContext> contextOf) {
        this.program = program;
        this.calculator = new EarnCalculator(program);
        this.contextOf = contextOf;
    }

    @Override
    public long pointsFor(Order order) {
        return calculator.earn(order, contextOf.apply(order)).points();
    }

    @Override
    public String version() {
        return program.version();
    }
}
