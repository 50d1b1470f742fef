package io.loyaltybridge.sandbox.hubspot;

import java.util.Optional;

/** The CRM objects the sandbox keeps, with HubSpot's type ids and the names of their timestamp properties. */
public enum ObjectType {
    CONTACTS("contacts", "0-1", "contact", "createdate", "lastmodifieddate", 10_000_001L),
    DEALS("deals", "0-3", "deal", "createdate", "hs_lastmodifieddate", 20_000_001L),
    ORDERS("orders", "0-123", "order", "hs_createdate", "hs_lastmodifieddate", 30_000_001L),
    /** Engagement notes on a record's timeline (associated to contacts with type 202). */
    NOTES("notes", "0-46", "note", "hs_createdate", "hs_lastmodifieddate", 40_000_001L),
    /** The lines of an order or a deal (associated order-line item 513/514, deal-line item 19/20). */
    LINE_ITEMS("line_items", "0-8", "line_item", "createdate", "hs_lastmodifieddate", 50_000_001L),
    /**
     * Survey answers (NPS, CSAT, CES, custom), associated to the contact who answered. Read-only through the API:
     * see {@link FeedbackAccess}.
     */
    FEEDBACK_SUBMISSIONS("feedback_submissions", "0-19", "feedback_submission", "hs_createdate",
            "hs_lastmodifieddate", 60_000_001L);

    /** HubSpot's other standard objects: this sandbox does not keep them and says so (501), never "unknown". */
    static final java.util.Set<String> NOT_SERVED = java.util.Set.of("companies", "company", "0-2", "tickets",
            "ticket", "0-5", "products", "product", "0-7", "quotes", "quote", "0-14", "calls", "emails", "meetings",
            "tasks", "communications", "postal_mail", "invoices", "carts", "payments", "subscriptions", "leads",
            "goal_targets", "appointments", "courses", "listings", "services", "users",
            "discounts", "fees", "taxes", "commerce_payments");

    public final String path;
    public final String typeId;
    public final String singular;
    public final String createdProperty;
    public final String modifiedProperty;
    /** First id handed out; distinct ranges per type make a contact id used as an order id fail loudly. */
    final long firstId;

    ObjectType(String path, String typeId, String singular, String created, String modified, long firstId) {
        this.path = path;
        this.typeId = typeId;
        this.singular = singular;
        this.createdProperty = created;
        this.modifiedProperty = modified;
        this.firstId = firstId;
    }

    /** HubSpot accepts the plural name, the singular and the type id ("contacts", "contact", "0-1") in paths. */
    public static Optional<ObjectType> fromPath(String segment) {
        if (segment != null && NOT_SERVED.contains(segment.toLowerCase())) {
            throw ApiError.notServed("the " + segment + " object");
        }
        for (ObjectType t : values()) {
            if (t.path.equalsIgnoreCase(segment) || t.singular.equalsIgnoreCase(segment) || t.typeId.equals(segment)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** "CONTACT", as HubSpot names the type in error messages. */
    String label() {
        return singular.toUpperCase();
    }
}
