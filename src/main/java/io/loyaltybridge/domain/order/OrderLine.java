package io.loyaltybridge.domain.order;

import java.math.BigDecimal;

/** One line of an order; category and SKU drive multipliers in the program engine. */
public record OrderLine(String sku, String category, int quantity, BigDecimal unitPrice) {
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
