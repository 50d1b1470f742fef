package io.loyaltybridge.sandbox.salesforce.data;

/**
 * Values Salesforce computes itself: order numbers, line totals and the order total (a roll-up of its items).
 */
final class Derived {
    void afterInsert(SRecord r) {
        SObjectType type = r.type();
        switch (type.name()) {
            case Schemas.ORDER -> {
                r.set(type.indexOf("OrderNumber"), String.format("%08d", 100 + r.seq()));
                r.set(type.indexOf("TotalAmount"), 0.0);
            }
            case Schemas.ORDER_ITEM -> {
                double total = (Double) r.get("Quantity") * (Double) r.get("UnitPrice");
                r.set(type.indexOf("TotalPrice"), total);
                SRecord order = (SRecord) r.get("OrderId");
                order.addChild(r);
                int amount = order.type().indexOf("TotalAmount");
                order.set(amount, round((Double) order.get(amount) + total));
            }
            default -> {
            }
        }
    }

    /**
     * A deleted (or undeleted) order line leaves (or rejoins) its order's total; the order is touched like any
     * roll-up change. Answers the order whose TotalAmount changed, or null. The line stays among the order's
     * children: queryAll still shows it, with IsDeleted true.
     */
    SRecord afterDeleteOrUndelete(SRecord r, boolean deleted) {
        if (!r.type().name().equals(Schemas.ORDER_ITEM)) {
            return null;
        }
        SRecord order = (SRecord) r.get("OrderId");
        int amount = order.type().indexOf("TotalAmount");
        double line = (Double) r.get("TotalPrice");
        order.set(amount, round((Double) order.get(amount) + (deleted ? -line : line)));
        return order;
    }

    private static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
