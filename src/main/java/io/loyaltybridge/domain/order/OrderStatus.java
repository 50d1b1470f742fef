package io.loyaltybridge.domain.order;

/** Where an order stands. Only money the customer kept earns points. */
public enum OrderStatus {
    COMPLETED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OrderStatus fromWire(String value) {
        for (OrderStatus s : values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown order status: " + value);
    }
}
