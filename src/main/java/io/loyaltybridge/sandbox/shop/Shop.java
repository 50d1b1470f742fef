package io.loyaltybridge.sandbox.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A made-up shop's customers and purchases, before they are loaded into the sandbox CRMs. */
public record Shop(List<Customer> customers, List<Purchase> purchases) {

    /** Which CRM holds a customer; some are in both, as when a business runs two. */
    public enum Crm { SALESFORCE, HUBSPOT, BOTH }

    public record Customer(int index, String email, String firstName, String lastName, LocalDate birthDate,
                           boolean marketingConsent, Crm crm, boolean heavyBuyer) {
    }

    /** What became of a purchase. */
    public enum Fate { KEPT, CANCELLED, REFUNDED, PARTIALLY_REFUNDED }

    public record Item(String sku, String category, int quantity, BigDecimal unitPrice) {
        public BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** {@code crm} is where the purchase is recorded: one CRM even for a customer held in both. */
    public record Purchase(int customer, Instant at, List<Item> items, Fate fate, BigDecimal refunded, Crm crm) {
        public BigDecimal total() {
            return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
