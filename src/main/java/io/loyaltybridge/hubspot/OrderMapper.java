package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.sync.InboundOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * HubSpot orders (the commerce object) or deals as {@link InboundOrder}s. A stage listed as earning is a
 * completed purchase; a refunded stage (or a refunded amount, when a property carries it) gives the money back;
 * every other stage, and a deleted record, counts as cancelled: no points.
 */
final class OrderMapper {
    static final String MODIFIED = "hs_lastmodifieddate";

    private final boolean deals;
    /** Stage ids (or, until the pipelines are read, the configured names) of each kind. */
    private volatile java.util.Set<String> earning;
    private volatile java.util.Set<String> refunded;
    private final String refundedAmountProperty;
    private final String defaultCurrency;

    OrderMapper(HubSpotOptions options, String defaultCurrency) {
        this.deals = options.deals();
        this.earning = java.util.Set.copyOf(options.earningStages());
        this.refunded = java.util.Set.copyOf(options.refundedStages());
        this.refundedAmountProperty = options.refundedAmountProperty();
        this.defaultCurrency = defaultCurrency;
    }

    /** The pipelines were read: the configured stages as the ids HubSpot stores on records. */
    void stages(java.util.Set<String> earningIds, java.util.Set<String> refundedIds) {
        this.earning = java.util.Set.copyOf(earningIds);
        this.refunded = java.util.Set.copyOf(refundedIds);
    }

    List<String> properties() {
        List<String> names = new ArrayList<>(deals
                ? List.of("amount", "deal_currency_code", "closedate", "createdate", "dealstage", MODIFIED)
                : List.of("hs_total_price", "hs_currency_code", "hs_createdate", "hs_pipeline_stage", MODIFIED));
        if (refundedAmountProperty != null) {
            names.add(refundedAmountProperty);
        }
        return names;
    }

    InboundOrder order(JsonNode record, String contactId, List<io.loyaltybridge.domain.order.OrderLine> lines) {
        JsonNode p = record.path("properties");
        BigDecimal total = decimal(ContactMapper.text(p, deals ? "amount" : "hs_total_price"));
        String currency = ContactMapper.text(p, deals ? "deal_currency_code" : "hs_currency_code");
        Instant placed = ContactMapper.instant(ContactMapper.text(p, deals ? "closedate" : "hs_createdate"));
        if (placed == null) {
            placed = ContactMapper.instant(deals ? ContactMapper.text(p, "createdate")
                    : record.path("createdAt").asText(null));
        }
        BigDecimal refund = refundedAmountProperty == null ? null
                : decimal(ContactMapper.text(p, refundedAmountProperty));
        String stage = ContactMapper.text(p, deals ? "dealstage" : "hs_pipeline_stage");
        OrderStatus status = record.path("archived").asBoolean() ? OrderStatus.CANCELLED : status(stage, total, refund);
        return new InboundOrder(ContactMapper.SYSTEM, record.path("id").asText(), contactId, total,
                currency == null ? defaultCurrency : currency, placed, status,
                status == OrderStatus.PARTIALLY_REFUNDED ? refund : BigDecimal.ZERO, List.copyOf(lines),
                ContactMapper.modified(record, MODIFIED));
    }

    private OrderStatus status(String stage, BigDecimal total, BigDecimal refund) {
        boolean someRefunded = refund != null && refund.signum() > 0;
        boolean allRefunded = someRefunded && total != null && refund.compareTo(total) >= 0;
        if (stage != null && refunded.contains(stage)) {
            return someRefunded && !allRefunded ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.REFUNDED;
        }
        if (stage != null && earning.contains(stage)) {
            return !someRefunded ? OrderStatus.COMPLETED
                    : allRefunded ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        return OrderStatus.CANCELLED;
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
