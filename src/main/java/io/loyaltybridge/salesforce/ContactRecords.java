package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.InboundContact;

import java.util.HashMap;
import java.util.Map;

/** Contact records as the sync engine takes them in, and the SOQL that reads them. */
final class ContactRecords {
    static final String SYSTEM = "salesforce";
    private static final String BASE = "Id, Email, FirstName, LastName, Birthdate, HasOptedOutOfEmail, IsDeleted,"
            + " SystemModstamp";

    private final FieldMap fields;

    ContactRecords(FieldMap fields) {
        this.fields = fields;
    }

    /** SELECT ... FROM Contact, with every mapped loyalty field so we learn what the org shows. */
    String select() {
        StringBuilder soql = new StringBuilder("SELECT ").append(BASE);
        fields.fields().values().forEach(f -> soql.append(", ").append(f));
        return soql.append(" FROM Contact").toString();
    }

    /**
     * Consent: an opted-out contact has refused marketing; one that is not opted out has not said yes either,
     * so the member's consent is left as it is.
     */
    InboundContact map(Row row) {
        Map<String, String> shown = new HashMap<>();
        fields.fields().values().forEach(f -> shown.put(f, row.get(f)));
        Boolean consent = Values.bool(row.get("HasOptedOutOfEmail")) ? Boolean.FALSE : null;
        return new InboundContact(SYSTEM, row.get("Id"), row.get("Email"), row.get("FirstName"), row.get("LastName"),
                Values.date(row.get("Birthdate")), consent, Values.bool(row.get("IsDeleted")),
                Values.instant(row.get("SystemModstamp")), shown);
    }
}
