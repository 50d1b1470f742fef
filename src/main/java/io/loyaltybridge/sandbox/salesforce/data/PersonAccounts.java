package io.loyaltybridge.sandbox.salesforce.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Person accounts, as Salesforce documents them: an Account inserted with a person account record type is a person
 * account ({@code IsPersonAccount} true) and gets a hidden "person contact" ({@code PersonContactId}), a Contact with
 * {@code IsPersonAccount} true whose fields the account shows as its own: FirstName and LastName as they are,
 * standard fields with a Person prefix ({@code PersonEmail}), custom fields with {@code __pc} for {@code __c}. Both
 * records are one person: every change to the account changes the contact in the same transaction, both records
 * get the same timestamps, and each change leaves two change events (Account, then Contact). The person account is
 * the interface for person data: writes and deletes aimed at the person contact itself are refused
 * (INSUFFICIENT_ACCESS_OR_READONLY, the error Salesforce answers for a person contact's record type).
 */
final class PersonAccounts {
    /** Standard Contact fields and their name on a person account. */
    private static final Map<String, String> STANDARD = Map.of("FirstName", "FirstName", "LastName", "LastName",
            "Email", "PersonEmail", "Birthdate", "PersonBirthdate", "HasOptedOutOfEmail", "PersonHasOptedOutOfEmail");

    private final OrgData org;

    PersonAccounts(OrgData org) {
        this.org = org;
    }

    /** The name a Contact field has on a person account, or null when it has none there. */
    static String accountField(String contactField) {
        if (contactField.endsWith("__c")) {
            return contactField.substring(0, contactField.length() - 1) + "pc";
        }
        return STANDARD.get(contactField);
    }

    private boolean enabled() {
        return org.schemas().personAccounts();
    }

    static boolean isPersonAccount(SRecord r) {
        return r.type().name().equals(Schemas.ACCOUNT) && Boolean.TRUE.equals(r.get("IsPersonAccount"));
    }

    static boolean isPersonContact(SRecord r) {
        return r.type().name().equals(Schemas.CONTACT) && r.type().indexOf("IsPersonAccount") >= 0
                && Boolean.TRUE.equals(r.get("IsPersonAccount"));
    }

    private static boolean personRecordType(Map<String, ?> fields) {
        Object type = fields.get("RecordTypeId");
        return type != null && Ids.normalize(type.toString()) != null
                && Ids.normalize(type.toString()).equals(Ids.normalize(Schemas.PERSON_ACCOUNT_RECORD_TYPE));
    }

    /** A business account needs a Name; a person account its LastName and no Name of its own (it is derived). */
    void checkInsert(SObjectType type, Map<String, ?> fields) {
        if (!enabled() || !type.name().equals(Schemas.ACCOUNT)) {
            return;
        }
        if (!personRecordType(fields)) {
            if (fields.get("Name") == null) {
                throw new FieldError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]",
                        List.of("Name"));
            }
            for (String f : fields.keySet()) {
                if (!f.equals("Name") && !f.equals("RecordTypeId")) {
                    throw new FieldError("INVALID_FIELD", "Cannot specify " + f + " for a business account",
                            List.of(f));
                }
            }
            return;
        }
        if (fields.get("LastName") == null) {
            throw new FieldError("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]",
                    List.of("LastName"));
        }
        if (fields.containsKey("Name")) {
            throw new FieldError("INVALID_FIELD", "Cannot specify Name for a person account", List.of("Name"));
        }
    }

    /** The person contact is read-only through Contact: change (or delete) the person account instead. */
    void checkWrite(SRecord r) {
        if (isPersonContact(r)) {
            throw new FieldError("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id",
                    List.of());
        }
    }

    /**
     * Person fields on a business account are refused, as Salesforce does. Changing an account's record type
     * (converting between business and person account) is not modelled: refused as not served by this sandbox.
     */
    void checkUpdate(SRecord r, Map<String, ?> fields) {
        if (enabled() && r.type().name().equals(Schemas.ACCOUNT) && fields.containsKey("RecordTypeId")) {
            throw new FieldError("NOT_SERVED_BY_SANDBOX", "not served by this sandbox: converting an account"
                    + " between business and person account", List.of("RecordTypeId"));
        }
        if (!enabled() || !r.type().name().equals(Schemas.ACCOUNT) || isPersonAccount(r)) {
            if (isPersonAccount(r) && fields.containsKey("Name")) {
                throw new FieldError("INVALID_FIELD", "Cannot specify Name for a person account", List.of("Name"));
            }
            return;
        }
        for (String f : fields.keySet()) {
            if (!f.equalsIgnoreCase("Name")) {
                throw new FieldError("INVALID_FIELD", "Cannot specify " + f + " for a business account", List.of(f));
            }
        }
    }

    /**
     * After the insert of an Account or Contact in a person-account org: sets IsPersonAccount, and for a person
     * account creates its person contact (no event yet); answers that contact, or null.
     */
    SRecord afterInsert(Tx tx, SRecord r) {
        if (!enabled()) {
            return null;
        }
        SObjectType type = r.type();
        if (type.name().equals(Schemas.CONTACT)) {
            r.set(type.indexOf("IsPersonAccount"), Boolean.FALSE);
            return null;
        }
        if (!type.name().equals(Schemas.ACCOUNT)) {
            return null;
        }
        boolean person = personRecordType(Map.of("RecordTypeId", r.get("RecordTypeId") == null ? ""
                : r.get("RecordTypeId")));
        r.set(type.indexOf("IsPersonAccount"), person);
        if (!person) {
            return null;
        }
        r.set(type.indexOf("Name"), name(r));
        SObjectType contactType = org.schemas().get(Schemas.CONTACT);
        SRecord contact = org.newRecord(contactType);
        mirror(r, contact, allSet(r)).forEach(contact::set);
        contact.set(contactType.indexOf("AccountId"), r);
        contact.set(contactType.indexOf("IsPersonAccount"), Boolean.TRUE);
        contact.set(contactType.indexOf("IsDeleted"), Boolean.FALSE);
        Long now = tx.now();
        for (String ts : List.of("CreatedDate", "LastModifiedDate", "SystemModstamp")) {
            contact.set(contactType.indexOf(ts), now);
        }
        r.set(type.indexOf("PersonContactId"), contact);
        return contact;
    }

    /** The Name change an update of FirstName/LastName makes to a person account, added to {@code changes}. */
    void deriveName(SRecord account, Map<Integer, Object> changes) {
        SObjectType type = account.type();
        int first = type.indexOf("FirstName");
        int last = type.indexOf("LastName");
        if (changes.containsKey(first) || changes.containsKey(last)) {
            Object f = changes.containsKey(first) ? changes.get(first) : account.get(first);
            Object l = changes.containsKey(last) ? changes.get(last) : account.get(last);
            changes.put(type.indexOf("Name"), f == null ? l : f + " " + l);
        }
    }

    /** The person contact's changes for these changes of its account, by contact field index. */
    Map<Integer, Object> contactChanges(SRecord account, Map<Integer, Object> accountChanges) {
        return mirror(account, (SRecord) account.get("PersonContactId"), accountChanges);
    }

    private static Map<Integer, Object> mirror(SRecord account, SRecord contact, Map<Integer, Object> changes) {
        SObjectType contactType = contact.type();
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (FieldDef f : contactType.fields()) {
            String onAccount = accountField(f.name());
            if (onAccount == null) {
                continue;
            }
            int i = account.type().indexOf(onAccount);
            if (i >= 0 && changes.containsKey(i)) {
                out.put(contactType.indexOf(f.name()), changes.get(i));
            }
        }
        return out;
    }

    private static Map<Integer, Object> allSet(SRecord r) {
        Map<Integer, Object> all = new LinkedHashMap<>();
        for (int i = 0; i < r.type().fields().size(); i++) {
            if (r.get(i) != null) {
                all.put(i, r.get(i));
            }
        }
        return all;
    }

    private static String name(SRecord account) {
        Object first = account.get("FirstName");
        return first == null ? (String) account.get("LastName") : first + " " + account.get("LastName");
    }
}
