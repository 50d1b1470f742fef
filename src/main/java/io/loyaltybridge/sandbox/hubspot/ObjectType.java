package io.loyaltybridge.sandbox.hubspot;

import java.util.Optional;

/** The CRM objects the sandbox keeps, with HubSpot's type ids and the names of their timestamp properties. */
public enum ObjectType {
    CONTACTS("contacts", "0-1", "contact", "createdate", "lastmodifieddate", 10_000_001L),
    DEALS("deals", "0-3", "deal", "createdate", "hs_lastmodifieddate", 20_000_001L),
    ORDERS("orders", "0-123", "order", "hs_createdate", "hs_lastmodifieddate", 30_000_001L),
    /** Engagement notes on a record's timeline (associated to contacts with type 202). */
    NOTES("notes", "0-46", "note", "hs_createdate", "hs_lastmodifieddate", 40_000_001L);

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
