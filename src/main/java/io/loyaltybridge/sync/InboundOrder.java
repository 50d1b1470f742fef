package io.loyaltybridge.sync;

import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A CRM order (or deal) as a connector read it, its status already mapped to ours: an order the CRM does not
 * count as a purchase (a draft, a lost deal, a deleted record) arrives as {@link OrderStatus#CANCELLED}.
 */
public record InboundOrder(String system, String externalId, String contactExternalId, BigDecimal total,
                           String currency, Instant placedAt, OrderStatus status, BigDecimal refundedAmount,
                           List<OrderLine> lines, Instant modifiedAt) {
}
