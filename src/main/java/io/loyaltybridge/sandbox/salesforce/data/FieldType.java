package io.loyaltybridge.sandbox.salesforce.data;

/** Field types the sandbox models; each stores its values in one compact Java type (see {@link Values}). */
public enum FieldType {
    ID("id"), REFERENCE("reference"), STRING("string"), EMAIL("email"), PICKLIST("picklist"),
    BOOLEAN("boolean"), DOUBLE("double"), CURRENCY("currency"), DATE("date"), DATETIME("datetime");

    private final String soapName;

    FieldType(String soapName) {
        this.soapName = soapName;
    }

    /** The name Salesforce uses in describe results and error messages ("double", "dateTime" is spelled here). */
    public String soapName() {
        return soapName;
    }

    public boolean isText() {
        return this == STRING || this == EMAIL || this == PICKLIST;
    }

    public boolean isId() {
        return this == ID || this == REFERENCE;
    }

    public boolean isNumber() {
        return this == DOUBLE || this == CURRENCY;
    }
}
