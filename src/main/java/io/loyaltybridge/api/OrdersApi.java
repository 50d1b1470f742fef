package io.loyaltybridge.api;

import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.OrderOutcome;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/orders}: report an order; the ledger records what it is worth, once. */
public final class OrdersApi {
    static final int MAX_LINES = 500;
    private final ApiGuard guard;
    private final LedgerService ledger;

    public OrdersApi(ApiGuard guard, LedgerService ledger) {
        this.guard = guard;
        this.ledger = ledger;
    }

    public void submit(Exchange exchange) {
        guard.handle(exchange, this::submit);
    }

    private Reply submit(ApiRequest request) {
        BodyReader body = request.body();
        String source = body.text("source", true, 64);
        String externalId = body.text("externalId", true, 255);
        BodyReader memberField = body.object("member", true);
        MemberRef member = memberField == null ? null : MemberRefs.read(memberField);
        BigDecimal total = body.decimal("total", true);
        String currency = body.text("currency", true, 3);
        if (currency != null && !CurrencyCode.isKnown(currency)) {
            body.reject("currency", "must be a known ISO 4217 currency code such as EUR or USD");
            currency = null;
        }
        Instant placedAt = body.instant("placedAt", true);
        OrderStatus status = body.parsed("status", true, OrderStatus::fromWire,
                "must be one of completed, cancelled, refunded, partially_refunded");
        BigDecimal refunded = body.has("refundedAmount") ? body.decimal("refundedAmount", false) : BigDecimal.ZERO;
        if (status == OrderStatus.REFUNDED && total != null && !body.has("refundedAmount")) {
            refunded = total;
        }
        List<OrderLine> lines = new ArrayList<>();
        for (BodyReader line : body.array("lines", MAX_LINES)) {
            Long quantity = line.integer("quantity", true);
            lines.add(new OrderLine(line.text("sku", false, 100), line.text("category", false, 100),
                    quantity == null || Math.abs(quantity) > Integer.MAX_VALUE ? 0 : quantity.intValue(),
                    line.decimal("unitPrice", true)));
        }
        body.rejectAll(Order.violations(total, status, refunded, lines));
        body.requireValid();
        OrderOutcome outcome = ledger.submitOrder(new OrderSubmission(member, new OrderKey(source, externalId),
                total, new CurrencyCode(currency), placedAt, status, refunded, lines));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("order", Views.order(outcome.order()));
        view.put("changed", outcome.changed());
        view.put("entries", Views.entries(outcome.entries()));
        return new Reply(outcome.created() ? 201 : 200, view);
    }
}
