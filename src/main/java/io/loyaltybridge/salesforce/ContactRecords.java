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
    private final PersonAccounts persons;

    ContactRecords(FieldMap fields, PersonAccounts persons) {
        this.fields = fields;
        this.persons = persons;
    }

    /**
     * SELECT ... FROM Contact, with every mapped loyalty field so we learn what the org shows. In an org with person
     * accounts this reads the person contacts too (one per person: the member's id), with their accounts.
     */
    String select() {
        StringBuilder soql = new StringBuilder("SELECT ").append(BASE);
        if (persons.enabled()) {
            soql.append(", AccountId, IsPersonAccount");
        }
        fields.fields().values().forEach(f -> soql.append(", ").append(f));
        return soql.append(" FROM Contact").toString();
    }

    /**
     * Consent: an opted-out contact has refused marketing; one that is not opted out has not said yes either,
     * so the member's consent is left as it is.
     */
    InboundContact map(Row row) {
        if (Values.bool(row.get("IsPersonAccount"))) {
            persons.remember(row.get("Id"), row.get("AccountId"));
        }
        Map<String, String> shown = new HashMap<>();
        fields.fields().values().forEach(f -> shown.put(f, row.get(f)));
        Boolean consent = Values.bool(row.get("HasOptedOutOfEmail")) ? Boolean.FALSE : null;
        return new InboundContact(SYSTEM, row.get("Id"), row.get("Email"), row.get("FirstName"), row.get("LastName"),
                Values.date(row.get("Birthdate")), consent, Values.bool(row.get("IsDeleted")),
                Values.instant(row.get("SystemModstamp")), shown);
    }
}
