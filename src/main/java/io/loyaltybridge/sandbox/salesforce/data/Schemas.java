package io.loyaltybridge.sandbox.salesforce.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.lookup;
import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.of;
import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.system;
import static io.loyaltybridge.sandbox.salesforce.data.FieldType.*;

/** The objects of the sandbox org: the standard ones our connector reads plus the loyalty fields it writes. */
public final class Schemas {
    public static final String CONTACT = "Contact";
    public static final String ORDER = "Order";
    public static final String ORDER_ITEM = "OrderItem";
    public static final String PRODUCT = "Product2";
    public static final String ACCOUNT = "Account";
    public static final String TASK = "Task";
    /** The org itself: one record, whose DefaultCurrencyIsoCode is the org's (corporate) currency. */
    public static final String ORGANIZATION = "Organization";
    /** The platform event LoyaltyBridge publishes (config/salesforce/.../Loyalty_Event__e). */
    public static final String LOYALTY_EVENT = "Loyalty_Event__e";

    /** The fields marked External ID (config/salesforce/...): what upsert by external id may key on. */
    private static final Set<String> EXTERNAL_IDS = Set.of("Contact.Loyalty_Member_Id__c", "Task.Loyalty_Event_Id__c",
            "Account.Loyalty_Member_Id__pc");

    private final Map<String, SObjectType> byLowerName = new LinkedHashMap<>();
    /** "Object.field" (lower case) the integration user lost field-level access to: unseen by describe and SOQL. */
    private final Set<String> hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The person account record type (Salesforce's default PersonAccount): an Account inserted with this
     * RecordTypeId is a person account. Record types are otherwise not modelled.
     */
    public static final String PERSON_ACCOUNT_RECORD_TYPE = "0125e000000PrsnAAC";

    private final boolean personAccounts;

    /** A multi-currency org: orders carry {@code CurrencyIsoCode}. */
    public Schemas() {
        this(true);
    }

    public Schemas(boolean multiCurrency) {
        this(multiCurrency, false);
    }

    /**
     * {@code multiCurrency} false: a single-currency org, where Salesforce has no {@code CurrencyIsoCode} field at
     * all (querying it answers INVALID_FIELD) and every amount is in the organization's currency.
     */
    public Schemas(boolean multiCurrency, boolean personAccounts) {
        this(multiCurrency, personAccounts, true);
    }

    /** {@code feedbackManagement} false: an org without Feedback Management (no Survey* objects at all). */
    public Schemas(boolean multiCurrency, boolean personAccounts, boolean feedbackManagement) {
        this.personAccounts = personAccounts;
        if (multiCurrency) {
            // Only multi-currency orgs have CurrencyType (their currencies and rates)
            add(new SObjectType("CurrencyType", "02B", false, List.of(system("Id", ID), of("IsoCode", PICKLIST, 3),
                    of("ConversionRate", DOUBLE, 0), of("IsCorporate", BOOLEAN, 0), of("IsActive", BOOLEAN, 0),
                    system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                    system("SystemModstamp", DATETIME))));
        }
        add(new SObjectType(ORGANIZATION, "00D", false, List.of(system("Id", ID), of("Name", STRING, 80),
                of("DefaultCurrencyIsoCode", PICKLIST, 3), system("CreatedDate", DATETIME),
                system("LastModifiedDate", DATETIME), system("SystemModstamp", DATETIME))));
        List<FieldDef> contactFields = contactFields(personAccounts);
        add(new SObjectType(ACCOUNT, "001", personAccounts, personAccounts ? personAccountFields(contactFields)
                : List.of(system("Id", ID), of("Name", STRING, 255).required(), system("IsDeleted", BOOLEAN),
                system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME))));
        add(new SObjectType(CONTACT, "003", true, contactFields));
        add(new SObjectType(PRODUCT, "01t", false, List.of(system("Id", ID), of("Name", STRING, 255).required(),
                of("ProductCode", STRING, 255), of("Family", PICKLIST, 40), of("IsActive", BOOLEAN, 0),
                system("IsDeleted", BOOLEAN), system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME))));
        add(new SObjectType(ORDER, "801", true, List.of(system("Id", ID),
                system("OrderNumber", STRING), lookup("AccountId", ACCOUNT, "Account").required(),
                lookup("BillToContactId", CONTACT, "BillToContact"), of("Status", PICKLIST, 40).required(),
                of("EffectiveDate", DATE, 0).required(), system("TotalAmount", CURRENCY),
                of("CurrencyIsoCode", PICKLIST, 3), of("Description", STRING, 32000),
                system("IsDeleted", BOOLEAN), system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME)).stream()
                .filter(f -> multiCurrency || !f.name().equals("CurrencyIsoCode")).toList()))
                .withChild(new SObjectType.ChildRelationship("OrderItems", ORDER_ITEM, "OrderId"));
        add(new SObjectType(TASK, "00T", false, List.of(system("Id", ID), lookup("WhoId", CONTACT, "Who"),
                of("Subject", STRING, 255), of("Description", STRING, 32000), of("Status", PICKLIST, 40),
                of("Priority", PICKLIST, 40), of("ActivityDate", DATE, 0), of("Loyalty_Event_Id__c", STRING, 20),
                of("OwnerId", STRING, 18),
                system("IsDeleted", BOOLEAN),
                system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME))));
        // Platform events are published, never stored as records (see SObjectEndpoint#create).
        add(new SObjectType(LOYALTY_EVENT, "e00", false, List.of(system("Id", ID),
                of("Member_Id__c", STRING, 36), of("Contact_Id__c", STRING, 18), of("Event_Type__c", STRING, 40),
                of("Event_Id__c", STRING, 20), of("Subject__c", STRING, 255), of("Body__c", STRING, 32000),
                of("Occurred_At__c", DATETIME, 0), system("CreatedDate", DATETIME))));
        add(new SObjectType(ORDER_ITEM, "802", false, List.of(system("Id", ID),
                lookup("OrderId", ORDER, "Order").required(), lookup("Product2Id", PRODUCT, "Product2").required(),
                of("Quantity", DOUBLE, 0).required(), of("UnitPrice", CURRENCY, 0).required(),
                system("TotalPrice", CURRENCY), system("IsDeleted", BOOLEAN), system("CreatedDate", DATETIME),
                system("LastModifiedDate", DATETIME), system("SystemModstamp", DATETIME))));
        if (feedbackManagement) {
            SurveyObjects.all().forEach(this::add);
        }
    }

    /** Contact's fields; a person-account org adds IsPersonAccount (true on the hidden person contacts). */
    private static List<FieldDef> contactFields(boolean personAccounts) {
        List<FieldDef> fields = new ArrayList<>(List.of(system("Id", ID),
                of("FirstName", STRING, 40).in("Name"), of("LastName", STRING, 80).required().in("Name"),
                of("Email", EMAIL, 80), of("Birthdate", DATE, 0), of("HasOptedOutOfEmail", BOOLEAN, 0),
                lookup("AccountId", ACCOUNT, "Account"), of("OwnerId", STRING, 18),
                system("IsDeleted", BOOLEAN), system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME),
                of("Loyalty_Member_Id__c", STRING, 36), of("Loyalty_Tier__c", STRING, 40),
                of("Loyalty_Points__c", DOUBLE, 0), of("Loyalty_Segment__c", STRING, 80),
                of("Loyalty_Next_Tier__c", STRING, 40), of("Loyalty_Points_To_Next_Tier__c", DOUBLE, 0),
                of("Loyalty_Points_Expiring__c", DOUBLE, 0), of("Loyalty_Points_Expiring_On__c", DATE, 0),
                of("Loyalty_CLTV__c", CURRENCY, 0), of("Loyalty_Churn_Risk__c", STRING, 20),
                of("Loyalty_Referral_Code__c", STRING, 20), of("Loyalty_Updated_At__c", DATETIME, 0),
                of("Loyalty_Points_To_Keep_Tier__c", DOUBLE, 0), of("Loyalty_Projected_Tier__c", STRING, 40),
                of("Loyalty_Tier_Expires_On__c", DATE, 0), of("Loyalty_Downgrade_Risk__c", STRING, 10),
                of("Loyalty_Next_Best_Offer__c", STRING, 255), of("Loyalty_Preferred_Category__c", STRING, 80),
                of("Loyalty_Badges__c", STRING, 255), of("Loyalty_Cashback__c", CURRENCY, 0),
                of("Loyalty_Pending_Points__c", DOUBLE, 0),
                of("Loyalty_Last_Feedback_Score__c", DOUBLE, 0), of("Loyalty_NPS_Category__c", STRING, 20),
                of("Loyalty_Last_Feedback_On__c", DATE, 0)));
        if (personAccounts) {
            fields.add(7, system("IsPersonAccount", BOOLEAN));
        }
        return fields;
    }

    /**
     * Account in a person-account org: the business fields, IsPersonAccount and PersonContactId, and the person
     * contact's fields as Salesforce shows them on the account: FirstName/LastName as they are, standard ones with
     * a Person prefix (Email → PersonEmail), custom ones with __c turned into __pc. Name is required of business
     * accounts only (a person account's Name is its first and last name), checked by {@link PersonAccounts}.
     */
    private static List<FieldDef> personAccountFields(List<FieldDef> contactFields) {
        List<FieldDef> fields = new ArrayList<>(List.of(system("Id", ID), of("Name", STRING, 255),
                of("RecordTypeId", STRING, 18), system("IsPersonAccount", BOOLEAN),
                lookup("PersonContactId", CONTACT, "PersonContact").readOnly(), system("IsDeleted", BOOLEAN),
                system("CreatedDate", DATETIME), system("LastModifiedDate", DATETIME),
                system("SystemModstamp", DATETIME)));
        for (FieldDef f : contactFields) {
            String onAccount = PersonAccounts.accountField(f.name());
            if (onAccount != null) {
                fields.add(new FieldDef(onAccount, f.label(), f.type(), f.length(), true, true, null, null, null,
                        true));
            }
        }
        return fields;
    }

    /** Whether this org has person accounts enabled (Account.IsPersonAccount exists). */
    public boolean personAccounts() {
        return personAccounts;
    }

    private SObjectType add(SObjectType type) {
        byLowerName.put(type.name().toLowerCase(Locale.ROOT), type);
        return type;
    }

    /** The object by API name, case-insensitive; null when the org has no such object. */
    public SObjectType get(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The object whose ids start with the prefix of {@code id}, or null. */
    public SObjectType byId(String id) {
        if (id == null || id.length() < 3) {
            return null;
        }
        for (SObjectType t : byLowerName.values()) {
            if (id.startsWith(t.keyPrefix())) {
                return t;
            }
        }
        return null;
    }

    /** Whether the field (by its exact API name) is an External ID field of the object. */
    public boolean isExternalId(SObjectType type, String field) {
        return EXTERNAL_IDS.contains(type.name() + "." + field);
    }

    /** Field-level security taken away: describe leaves the field out and SOQL answers INVALID_FIELD for it. */
    public void hide(SObjectType type, String field) {
        hidden.add((type.name() + "." + field).toLowerCase(Locale.ROOT));
    }

    public boolean hidden(SObjectType type, String field) {
        return !hidden.isEmpty() && hidden.contains((type.name() + "." + field).toLowerCase(Locale.ROOT));
    }

    public Iterable<SObjectType> all() {
        return byLowerName.values();
    }
}
