package io.loyaltybridge.sandbox.shop;

import io.loyaltybridge.sandbox.SeedClock;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a generated shop into the two sandbox CRMs, in time order with the sandboxes' clock pinned to each record's
 * moment. Salesforce's standard Order has no refund, so there a refunded or cancelled purchase is a Draft order
 * (it never earned) and a partly refunded one counts as kept; HubSpot orders carry their stage and refunded amount.
 */
public final class ShopLoader {
    /** HubSpot order property holding the amount refunded (the connector is told to read it). */
    public static final String REFUNDED_PROPERTY = "refunded_amount";

    /** Where each customer ended up: their record ids in each CRM (null where they are not held). */
    public record Loaded(Shop shop, String[] salesforceIds, long[] hubspotIds) {
    }

    private ShopLoader() {
    }

    public static Loaded load(Shop shop, SalesforceSandbox sf, HubSpotSandbox hs, SeedClock clock) {
        int n = shop.customers().size();
        String[] sfIds = new String[n];
        long[] hsIds = new long[n];
        Instant firstPurchase = shop.purchases().isEmpty() ? Instant.now() : shop.purchases().get(0).at();
        clock.pin(firstPurchase.minusSeconds(86_400));
        for (Shop.Item item : ShopSeed.CATALOGUE) {
            sf.admin().create("Product2", Map.of("Name", item.sku(), "ProductCode", item.sku(),
                    "Family", item.category(), "IsActive", true));
        }
        hs.admin().createProperty(ObjectType.ORDERS, REFUNDED_PROPERTY, "number", "number");
        for (Shop.Customer c : shop.customers()) {
            if (c.crm() != Shop.Crm.HUBSPOT && person(sf, c.index())) {
                String account = sf.admin().create("Account", Map.of("RecordTypeId",
                        Schemas.PERSON_ACCOUNT_RECORD_TYPE, "FirstName", c.firstName(), "LastName", c.lastName(),
                        "PersonEmail", c.email(), "PersonBirthdate", c.birthDate().toString(),
                        "PersonHasOptedOutOfEmail", !c.marketingConsent()));
                sfIds[c.index()] = (String) sf.admin().field(account, "PersonContactId");
            } else if (c.crm() != Shop.Crm.HUBSPOT) {
                sfIds[c.index()] = sf.admin().createContact(Map.of("FirstName", c.firstName(), "LastName",
                        c.lastName(), "Email", c.email(), "Birthdate", c.birthDate().toString(), "HasOptedOutOfEmail",
                        !c.marketingConsent()));
            }
            if (c.crm() != Shop.Crm.SALESFORCE) {
                hsIds[c.index()] = hs.admin().createContact(c.email(), c.firstName(), c.lastName());
                hs.admin().update(ObjectType.CONTACTS, hsIds[c.index()],
                        Map.of("date_of_birth", c.birthDate().toString()));
            }
        }
        for (Shop.Purchase p : shop.purchases()) {
            clock.pin(p.at());
            record(p, sfIds, hsIds, sf, hs);
        }
        ShopSurveys.load(shop, sfIds, hsIds, sf, hs, clock,
                shop.purchases().isEmpty() ? firstPurchase : shop.purchases().get(shop.purchases().size() - 1).at());
        clock.release();
        return new Loaded(shop, sfIds, hsIds);
    }

    /** Records one purchase in the CRM it belongs to (also used for the live orders of sandbox mode). */
    public static void record(Shop.Purchase p, String[] sfIds, long[] hsIds, SalesforceSandbox sf,
                              HubSpotSandbox hs) {
        if (p.crm() == Shop.Crm.SALESFORCE) {
            boolean earns = p.fate() == Shop.Fate.KEPT || p.fate() == Shop.Fate.PARTIALLY_REFUNDED;
            List<SandboxAdmin.Line> lines = new ArrayList<>();
            p.items().forEach(i -> lines.add(new SandboxAdmin.Line(i.sku(), i.quantity(), i.unitPrice().doubleValue())));
            String buyer = sfIds[p.customer()];
            if (sf.options().personAccounts().enabled() && Boolean.TRUE.equals(sf.admin().field(buyer,
                    "IsPersonAccount"))) {
                // A person's order names its person account, without a bill-to contact, as B2C orders come
                sf.admin().createOrderOn((String) sf.admin().field(buyer, "AccountId"), null,
                        earns ? "Activated" : "Draft", p.at().atZone(ZoneOffset.UTC).toLocalDate(), "EUR", lines);
            } else {
                sf.admin().createOrder(buyer, earns ? "Activated" : "Draft",
                        p.at().atZone(ZoneOffset.UTC).toLocalDate(), "EUR", lines);
            }
        } else {
            Map<String, String> properties = new HashMap<>(Map.of("hs_total_price", p.total().toPlainString(),
                    "hs_currency_code", "EUR", "hs_pipeline_stage", stage(p.fate())));
            if (p.fate() == Shop.Fate.PARTIALLY_REFUNDED) {
                properties.put(REFUNDED_PROPERTY, p.refunded().toPlainString());
            }
            hs.admin().createOrder(hsIds[p.customer()], properties);
        }
    }

    /** Which shoppers are person accounts: every one, every other one (mixed), or none, as the sandbox is shaped. */
    private static boolean person(SalesforceSandbox sf, int index) {
        return switch (sf.options().personAccounts()) {
            case PERSONS -> true;
            case MIXED -> index % 2 == 1;
            case NONE -> false;
        };
    }

    private static String stage(Shop.Fate fate) {
        return switch (fate) {
            case KEPT -> "processed";
            case CANCELLED -> "cancelled";
            case REFUNDED -> "refunded";
            case PARTIALLY_REFUNDED -> "partially_refunded";
        };
    }
}
