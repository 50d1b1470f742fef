package io.loyaltybridge.salesforce;

import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.store.PgBackfillStaging;
import io.loyaltybridge.sync.InboundOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders with their items as the sync engine takes them in. Only an order in an earning status (Activated by
 * default) earns; a draft, any other status or a deleted order arrives as cancelled, which claws back what it
 * earned before. An optional refunded-amount field turns an earning order into a (partial) refund.
 */
final class OrderRecords {
    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(Integer.MAX_VALUE);
    /** IsDeleted too: queryAll's OrderItems subquery returns deleted lines, which must not earn. */
    static final String ITEM_FIELDS = "IsDeleted, Quantity, UnitPrice, Product2.ProductCode, Product2.Family";

    /** As configured, until the start's describe of the org adapts it (a single-currency org). */
    private volatile OrderMapping mapping;
    private final PersonAccounts persons;

    OrderRecords(OrderMapping mapping, PersonAccounts persons) {
        this.mapping = mapping;
        this.persons = persons;
    }

    OrderMapping mapping() {
        return mapping;
    }

    void adapt(OrderMapping adapted) {
        this.mapping = adapted;
    }

    /**
     * SELECT ... FROM Order; REST reads take the items in a child subquery, Bulk reads cannot. In an org with person
     * accounts, the order's account says whether it is a person, and who: its person contact is the member.
     */
    String select(boolean withItems) {
        return "SELECT Id, IsDeleted, SystemModstamp, " + mapping.selectList()
                + (persons.enabled() ? ", Account.IsPersonAccount, Account.PersonContactId" : "")
                + (withItems ? ", (SELECT " + ITEM_FIELDS + " FROM OrderItems)" : "") + " FROM Order";
    }

    /**
     * Bulk reads of the items, in no particular order: ORDER BY can stop PK chunking and time out on a large org, so
     * the backfill stages them and joins them to their orders by OrderId in PostgreSQL.
     */
    static String items() {
        return "SELECT Id, OrderId, " + ITEM_FIELDS + " FROM OrderItem";
    }

    /** A Bulk item row as the backfill stages it: the fields {@link #ITEM_FIELDS} names, as Salesforce wrote them. */
    static PgBackfillStaging.Line staged(Row item) {
        return new PgBackfillStaging.Line(item.get("OrderId"), item.get("Id"), item.get("IsDeleted"),
                item.get("Quantity"), item.get("UnitPrice"), item.get("Product2.ProductCode"),
                item.get("Product2.Family"));
    }

    /** A staged item read back, by the same field names, so it maps exactly as a REST or Bulk item does. */
    static Row row(PgBackfillStaging.Line line) {
        return field -> switch (field) {
            case "OrderId" -> line.orderId();
            case "Id" -> line.itemId();
            case "IsDeleted" -> line.deleted();
            case "Quantity" -> line.quantity();
            case "UnitPrice" -> line.unitPrice();
            case "Product2.ProductCode" -> line.productCode();
            case "Product2.Family" -> line.productFamily();
            default -> null;
        };
    }

    InboundOrder map(Row row, List<Row> items) {
        OrderMapping mapping = this.mapping;
        BigDecimal total = Values.decimal(row.get(mapping.amountField()));
        BigDecimal refunded = mapping.refundedField() == null ? null : Values.decimal(row.get(mapping.refundedField()));
        String currency = mapping.currencyField() == null ? null : row.get(mapping.currencyField());
        return new InboundOrder(ContactRecords.SYSTEM, row.get("Id"), buyer(row), total,
                currency == null ? mapping.currency() : currency,
                Values.dateOrDateTime(row.get(mapping.dateField())),
                status(row, total, refunded), refunded == null ? BigDecimal.ZERO : refunded, lines(items),
                Values.instant(row.get("SystemModstamp")));
    }

    /**
     * The member's contact id, by the configured order of preference: the order's contact field (BillToContactId)
     * when set, else its account's person contact when the account is a person account. A business account's order
     * with no contact has none, and is dead-lettered for it (contact is required).
     */
    private String buyer(Row row) {
        for (OrderMapping.Buyer way : mapping.buyer()) {
            String id = switch (way) {
                case CONTACT_FIELD -> row.get(mapping.contactField());
                case PERSON_ACCOUNT -> persons.enabled() && Values.bool(row.get("Account.IsPersonAccount"))
                        ? row.get("Account.PersonContactId") : null;
            };
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private OrderStatus status(Row row, BigDecimal total, BigDecimal refunded) {
        OrderMapping mapping = this.mapping;
        if (Values.bool(row.get("IsDeleted")) || !mapping.earningStatuses().contains(row.get(mapping.statusField()))) {
            return OrderStatus.CANCELLED;
        }
        if (refunded == null || refunded.signum() <= 0) {
            return OrderStatus.COMPLETED;
        }
        return total != null && refunded.compareTo(total) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    /** A fractional (or absurd) quantity becomes one line of its whole amount: the program counts whole units. */
    private static List<OrderLine> lines(List<Row> items) {
        List<OrderLine> lines = new ArrayList<>();
        for (Row item : items) {
            if (Values.bool(item.get("IsDeleted"))) {
                continue; // a line deleted from the order (queryAll shows it still, flagged)
            }
            BigDecimal quantity = Values.decimal(item.get("Quantity"));
            BigDecimal price = Values.decimal(item.get("UnitPrice"));
            if (quantity == null || price == null) {
                continue;
            }
            // An absurd quantity (past what an int holds) must not stop the read of every other order: it becomes
            // one line of its whole amount, and the order's total then tells the ledger what is wrong with it.
            boolean whole = quantity.stripTrailingZeros().scale() <= 0 && quantity.abs().compareTo(MAX_QUANTITY) <= 0;
            lines.add(whole ? new OrderLine(item.get("Product2.ProductCode"), item.get("Product2.Family"),
                    quantity.intValueExact(), price)
                    : new OrderLine(item.get("Product2.ProductCode"), item.get("Product2.Family"), 1,
                    quantity.multiply(price)));
        }
        return lines;
    }
}
