package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Order fields mean what in this org. The standard Order has no refund, so {@code refundedField} is an
 * optional custom field; {@code currencyField} is null in single-currency orgs (then {@code currency} applies).
 */
record OrderMapping(String contactField, String amountField, String dateField, String statusField,
                    Set<String> earningStatuses, String currencyField, String currency, String refundedField,
                    List<Buyer> buyer) {

    /** Ways to find an order's buyer, tried in the configured order (loyalty.salesforce.order.buyer). */
    enum Buyer {
        /** The order's contact field (BillToContactId). */
        CONTACT_FIELD,
        /** The order's AccountId, when that account is a person account: its person contact. */
        PERSON_ACCOUNT;

        static Buyer of(String key) {
            return switch (key.strip()) {
                case "contact-field" -> CONTACT_FIELD;
                case "person-account" -> PERSON_ACCOUNT;
                default -> null;
            };
        }
    }

    static OrderMapping from(Config config) {
        String currencyField = config.get(SalesforceSettings.CURRENCY_FIELD);
        return new OrderMapping(config.get(SalesforceSettings.CONTACT_FIELD), config.get(SalesforceSettings.AMOUNT_FIELD),
                config.get(SalesforceSettings.DATE_FIELD), config.get(SalesforceSettings.STATUS_FIELD),
                Arrays.stream(config.get(SalesforceSettings.EARNING_STATUSES).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                currencyField.equalsIgnoreCase("none") ? null : currencyField, config.get(SalesforceSettings.CURRENCY),
                config.get(SalesforceSettings.REFUNDED_FIELD),
                Arrays.stream(config.get(SalesforceSettings.BUYER).split(",")).map(Buyer::of).toList());
    }

    /** The same mapping with another currency field (null: none) and fallback currency. */
    OrderMapping withCurrency(String field, String fallback) {
        return new OrderMapping(contactField, amountField, dateField, statusField, earningStatuses, field, fallback,
                refundedField, buyer);
    }

    /** The Order fields every read asks for, besides Id, IsDeleted and SystemModstamp. */
    String selectList() {
        StringBuilder fields = new StringBuilder(contactField + ", " + amountField + ", " + dateField + ", "
                + statusField);
        if (currencyField != null) {
            fields.append(", ").append(currencyField);
        }
        if (refundedField != null) {
            fields.append(", ").append(refundedField);
        }
        return fields.toString();
    }
}
