package io.loyaltybridge.sandbox.hubspot;

import static io.loyaltybridge.sandbox.hubspot.PropertyDef.builtIn;
import static io.loyaltybridge.sandbox.hubspot.PropertyDef.derived;

/** The HubSpot-defined properties each type starts with (the subset LoyaltyBridge reads and writes). */
final class StandardProperties {
    private StandardProperties() {
    }

    static void install(PropertyCatalog c) {
        ObjectType t = c.type;
        String info = t.singular + "information";
        c.addGroup(new PropertyGroup(info, capital(t.singular) + " information", 0));
        c.add(derived("hs_object_id", "Record ID", "number", "number", info));
        c.add(derived(t.createdProperty, "Create date", "datetime", "date", info));
        c.add(derived(t.modifiedProperty, "Last modified date", "datetime", "date", info));
        switch (t) {
            case CONTACTS -> {
                c.add(builtIn("email", "Email", "string", "text", info).unique());
                c.add(builtIn("firstname", "First name", "string", "text", info));
                c.add(builtIn("lastname", "Last name", "string", "text", info));
                c.add(builtIn("date_of_birth", "Date of birth", "date", "date", info));
                c.add(builtIn("hs_email_optout", "Unsubscribed from all email", "bool", "booleancheckbox", info));
            }
            case ORDERS -> {
                c.add(builtIn("hs_order_name", "Name", "string", "text", info));
                c.add(builtIn("hs_total_price", "Total", "number", "number", info));
                c.add(builtIn("hs_currency_code", "Currency", "string", "text", info));
                c.add(builtIn("hs_pipeline_stage", "Stage", "enumeration", "select", info).withOptions(
                        "open", "processed", "shipped", "delivered", "cancelled", "refunded", "partially_refunded"));
                c.add(builtIn("hs_external_order_id", "External order ID", "string", "text", info).unique());
            }
            case LINE_ITEMS -> {
                c.add(builtIn("name", "Name", "string", "text", info));
                c.add(builtIn("quantity", "Quantity", "number", "number", info));
                c.add(builtIn("price", "Unit price", "number", "number", info));
                c.add(builtIn("amount", "Net price", "number", "number", info));
                c.add(builtIn("hs_sku", "SKU", "string", "text", info));
                c.add(builtIn("hs_product_id", "Product ID", "string", "text", info));
                c.add(builtIn("hs_line_item_currency_code", "Currency", "string", "text", info));
            }
            case NOTES -> {
                c.add(builtIn("hs_note_body", "Note body", "string", "html", info));
                c.add(builtIn("hs_timestamp", "Activity date", "datetime", "date", info));
            }
            case FEEDBACK_SUBMISSIONS -> FeedbackProperties.install(c, info);
            case DEALS -> {
                c.add(builtIn("dealname", "Deal name", "string", "text", info));
                c.add(builtIn("amount", "Amount", "number", "number", info));
                c.add(builtIn("dealstage", "Deal stage", "enumeration", "select", info).withOptions(
                        "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
                        "contractsent", "closedwon", "closedlost"));
                c.add(builtIn("pipeline", "Pipeline", "enumeration", "select", info).withOptions("default"));
                c.add(builtIn("closedate", "Close date", "datetime", "date", info));
                c.add(builtIn("deal_currency_code", "Currency", "string", "text", info));
            }
        }
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
