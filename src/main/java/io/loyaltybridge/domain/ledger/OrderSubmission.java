package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as reported by a source, pointing at its member before we know which member that is. */
public record OrderSubmission(MemberRef member, OrderKey key, BigDecimal total, CurrencyCode currency,
                              Instant placedAt, OrderStatus status, BigDecimal refundedAmount,
                              List<OrderLine> lines) {
    public Order forMember(MemberId id) {
        return new Order(key, id, total, currency, placedAt, status, refundedAmount, lines);
    }
}
