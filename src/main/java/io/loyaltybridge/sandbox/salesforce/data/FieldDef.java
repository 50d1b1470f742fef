package io.loyaltybridge.sandbox.salesforce.data;

/**
 * One field of an sObject. {@code referenceTo}/{@code relationshipName} are set for lookups; {@code compound} names
 * the compound field (e.g. Name) that change events nest this field in; {@code inChangeEvents} is false for the
 * fields Salesforce leaves out of change events (Id, IsDeleted, SystemModstamp).
 */
public record FieldDef(String name, String label, FieldType type, int length, boolean updateable,
                       boolean nillable, String referenceTo, String relationshipName, String compound,
                       boolean inChangeEvents) {

    public static FieldDef of(String name, FieldType type, int length) {
        return new FieldDef(name, label(name), type, length, true, true, null, null, null, true);
    }

    public static FieldDef system(String name, FieldType type) {
        boolean inEvents = !name.equals("Id") && !name.equals("IsDeleted") && !name.equals("SystemModstamp");
        return new FieldDef(name, label(name), type, 0, false, false, null, null, null, inEvents);
    }

    public static FieldDef lookup(String name, String referenceTo, String relationshipName) {
        return new FieldDef(name, label(name), FieldType.REFERENCE, 18, true, true, referenceTo, relationshipName,
                null, true);
    }

    public FieldDef required() {
        return new FieldDef(name, label, type, length, updateable, false, referenceTo, relationshipName, compound,
                inChangeEvents);
    }

    public FieldDef readOnly() {
        return new FieldDef(name, label, type, length, false, nillable, referenceTo, relationshipName, compound,
                inChangeEvents);
    }

    public FieldDef in(String compoundField) {
        return new FieldDef(name, label, type, length, updateable, nillable, referenceTo, relationshipName,
                compoundField, inChangeEvents);
    }

    public FieldDef notInEvents() {
        return new FieldDef(name, label, type, length, updateable, nillable, referenceTo, relationshipName, compound,
                false);
    }

    /** Salesforce error messages name fields by label: "Loyalty_Tier__c" reads "Loyalty Tier". */
    private static String label(String apiName) {
        String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
        return base.replace('_', ' ');
    }
}
