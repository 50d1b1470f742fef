package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Setting;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the org looks like, learnt at start with one describe call each for Order, OrderItem and Contact, checked
 * against the configuration before any read: every field the configuration names must exist, or the start is
 * refused naming the key to set. A single-currency org has no {@code CurrencyIsoCode} at all (asking for it
 * fails every read with INVALID_FIELD) and no CurrencyType object (global describe tells it from a multi-currency
 * org whose user merely cannot see the field); there orders are taken in the org's currency:
 * {@code loyalty.salesforce.order.currency} when set, else the Organization's {@code DefaultCurrencyIsoCode}.
 */
final class OrgShape {
    static final String STANDARD_CURRENCY_FIELD = "CurrencyIsoCode";
    private static final List<String> ITEM_FIELDS = List.of("IsDeleted", "Quantity", "UnitPrice", "Product2Id",
            "OrderId");
    private static final List<String> CONTACT_FIELDS = List.of("Email", "FirstName", "LastName", "Birthdate",
            "HasOptedOutOfEmail");

    /** The mapping to use (adapted to the org), every problem found, and a digest of what was checked. */
    record Result(OrderMapping mapping, List<String> problems, String fingerprint, String note,
                  boolean personAccounts) {
    }

    private OrgShape() {
    }

    static Result check(SalesforceApi api, OrderMapping configured, FieldMap contactFields, String settings) {
        Set<String> order = fields(api.describe("Order"));
        Set<String> item = fields(api.describe("OrderItem"));
        Set<String> contact = fields(api.describe("Contact"));
        List<String> problems = new ArrayList<>();
        Map<Setting<String>, String> named = new LinkedHashMap<>();
        named.put(SalesforceSettings.CONTACT_FIELD, configured.contactField());
        named.put(SalesforceSettings.AMOUNT_FIELD, configured.amountField());
        named.put(SalesforceSettings.DATE_FIELD, configured.dateField());
        named.put(SalesforceSettings.STATUS_FIELD, configured.statusField());
        named.forEach((key, field) -> require(order, "Order", field, key.name(), problems));
        if (configured.refundedField() != null) {
            require(order, "Order", configured.refundedField(), SalesforceSettings.REFUNDED_FIELD.name(), problems);
        }
        OrderMapping mapping = configured;
        String note = null;
        if (configured.currencyField() != null && !order.contains(lower(configured.currencyField()))) {
            if (!configured.currencyField().equals(STANDARD_CURRENCY_FIELD)) {
                require(order, "Order", configured.currencyField(), SalesforceSettings.CURRENCY_FIELD.name(),
                        problems);
            } else if (multiCurrency(api)) {
                problems.add(SalesforceSettings.CURRENCY_FIELD.name() + ": this multi-currency org's"
                        + " Order.CurrencyIsoCode is not visible to the integration user: grant it field access, or set"
                        + " the key to none and " + SalesforceSettings.CURRENCY.name() + " to the one currency of"
                        + " your orders");
            } else {
                String currency = configured.currency() != null ? configured.currency() : organizationCurrency(api);
                if (currency == null) {
                    problems.add(SalesforceSettings.CURRENCY.name() + ": this is a single-currency org (Order has no"
                            + " CurrencyIsoCode) and its currency could not be read; set it, e.g. "
                            + SalesforceSettings.CURRENCY.name() + " = EUR");
                } else {
                    mapping = configured.withCurrency(null, currency);
                    note = "single-currency org: orders are taken in " + currency + " (" + (configured.currency()
                            != null ? SalesforceSettings.CURRENCY.name() : "Organization.DefaultCurrencyIsoCode") + ")";
                }
            }
        }
        ITEM_FIELDS.forEach(f -> require(item, "OrderItem", f, null, problems));
        CONTACT_FIELDS.forEach(f -> require(contact, "Contact", f, null, problems));
        for (Map.Entry<ProfileAttribute, String> e : contactFields.fields().entrySet()) {
            require(contact, "Contact", e.getValue(), SalesforceSettings.FIELDS.get(e.getKey()).name(), problems);
        }
        String digest = settings + "|Order:" + new TreeSet<>(order) + "|OrderItem:" + new TreeSet<>(item)
                + "|Contact:" + new TreeSet<>(contact);
        // Contact.IsPersonAccount exists exactly when the org has person accounts (as Account.IsPersonAccount does)
        return new Result(mapping, problems, sha256(digest), note, contact.contains("ispersonaccount"));
    }

    private static void require(Set<String> present, String object, String field, String key, List<String> problems) {
        if (present.contains(lower(field))) {
            return;
        }
        problems.add(key == null
                ? "Salesforce " + object + " has no field " + field + ", which the connector reads: give the"
                        + " integration user access to it"
                : key + ": Salesforce " + object + " has no field " + field + " (or the integration user cannot see"
                        + " it): set the key to a field the org has" + (object.equals("Contact") ? ", deploy"
                        + " config/salesforce, or set it to none" : ""));
    }

    /** Only a multi-currency org has the CurrencyType object; a single-currency org has no CurrencyIsoCode. */
    private static boolean multiCurrency(SalesforceApi api) {
        for (JsonNode object : api.describeGlobal().path("sobjects")) {
            if (object.path("name").asText().equals("CurrencyType")) {
                return true;
            }
        }
        return false;
    }

    /** The org's currency from {@code SELECT DefaultCurrencyIsoCode FROM Organization}; null when unreadable. */
    private static String organizationCurrency(SalesforceApi api) {
        try {
            JsonNode records = api.query("SELECT DefaultCurrencyIsoCode FROM Organization", false).path("records");
            String code = records.isEmpty() ? null : records.get(0).path("DefaultCurrencyIsoCode").asText(null);
            return code != null && code.matches("[A-Z]{3}") ? code : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> fields(JsonNode describe) {
        Set<String> names = new TreeSet<>();
        describe.path("fields").forEach(f -> names.add(lower(f.path("name").asText())));
        return names;
    }

    /** Field names are case-insensitive in SOQL and the REST API. */
    private static String lower(String field) {
        return field.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
