package io.loyaltybridge.sandbox.salesforce;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.OrgData;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import io.loyaltybridge.sandbox.salesforce.data.Values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person does in the org's UI, for tests and the demo: create, change, delete and undelete records and read
 * them back. Each call is one transaction and emits the change events a real org would. Values are plain Java:
 * String, Number, Boolean, {@link java.time.LocalDate}, {@link java.time.Instant} (or ISO strings), ids as String.
 */
public final class SandboxAdmin {
    /** The changeOrigin of edits made in the UI: empty, as Salesforce leaves it. */
    private static final String UI = "";
    private final OrgData org;
    private final String defaultAccountId;

    SandboxAdmin(OrgData org, String defaultAccountId) {
        this.org = org;
        this.defaultAccountId = defaultAccountId;
    }

    /** Creates a record of any object (Contact, Order, OrderItem, Product2, Account); returns its id. */
    public String create(String sobject, Map<String, ?> fields) {
        SObjectType type = type(sobject);
        return org.write(UI, tx -> org.writer().insert(tx, type, fields).id());
    }

    /** Feedback Management surveys and their answers (an org with Feedback Management only). */
    public Surveys surveys() {
        return new Surveys(this);
    }

    public String createContact(Map<String, ?> fields) {
        return create(Schemas.CONTACT, fields);
    }

    public void update(String id, Map<String, ?> fields) {
        org.write(UI, tx -> {
            org.writer().update(tx, record(id), fields);
            return null;
        });
    }

    /**
     * Applies the same change to several records in one transaction; Salesforce then sends one change event with
     * all their ids in {@code recordIds}.
     */
    public void updateAll(List<String> ids, Map<String, ?> fields) {
        org.write(UI, tx -> {
            for (String id : ids) {
                org.writer().update(tx, record(id), fields);
            }
            return null;
        });
    }

    /**
     * An admin takes field-level access to {@code field} away from the integration user: describe no longer lists
     * it and any query naming it fails with INVALID_FIELD, as in Salesforce.
     */
    public void revokeFieldAccess(String sobject, String field) {
        org.schemas().hide(type(sobject), field);
    }

    public void delete(String id) {
        org.write(UI, tx -> {
            org.writer().delete(tx, record(id));
            return null;
        });
    }

    public void undelete(String id) {
        org.write(UI, tx -> {
            org.writer().undelete(tx, record(id));
            return null;
        });
    }

    /** One order line: product by ProductCode (see {@link Seeder#PRODUCTS}), quantity, unit price. */
    public record Line(String productCode, double quantity, double unitPrice) {
    }

    /** Creates an activated-or-draft order with its items in one transaction; returns the order id. */
    public String createOrder(String billToContactId, String status, java.time.LocalDate effective, String currency,
                              List<Line> lines) {
        return createOrderOn(defaultAccountId, billToContactId, status, effective, currency, lines);
    }

    /** An order on {@code accountId} (a person account for a B2C order), with or without a bill-to contact. */
    public String createOrderOn(String accountId, String billToContactId, String status, java.time.LocalDate effective,
                                String currency, List<Line> lines) {
        return org.write(UI, tx -> {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("AccountId", accountId);
            order.put("BillToContactId", billToContactId);
            order.put("Status", status);
            order.put("EffectiveDate", effective);
            if (type(Schemas.ORDER).indexOf("CurrencyIsoCode") >= 0) { // a single-currency org has no such field
                order.put("CurrencyIsoCode", currency);
            }
            SRecord o = org.writer().insert(tx, type(Schemas.ORDER), order);
            for (Line l : lines) {
                org.writer().insert(tx, type(Schemas.ORDER_ITEM), Map.of("OrderId", o.id(),
                        "Product2Id", productId(l.productCode()), "Quantity", l.quantity(),
                        "UnitPrice", l.unitPrice()));
            }
            return o.id();
        });
    }

    /** A person account (the org must have them, see {@link PersonAccountShape}); returns the account's id. */
    public String createPersonAccount(String firstName, String lastName, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("RecordTypeId", Schemas.PERSON_ACCOUNT_RECORD_TYPE);
        fields.put("FirstName", firstName);
        fields.put("LastName", lastName);
        fields.put("PersonEmail", email);
        return create(Schemas.ACCOUNT, fields);
    }

    /** Every field of a record as the API shows it (ids as strings, dates as ISO text); null when unknown. */
    public Map<String, Object> read(String id) {
        return org.read(() -> {
            SRecord r = org.find(id);
            if (r == null) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < r.type().fields().size(); i++) {
                FieldDef f = r.type().field(i);
                out.put(f.name(), Values.external(f.type(), r.get(i)));
            }
            return out;
        });
    }

    /** One field as {@link #read} shows it. */
    public Object field(String id, String field) {
        Map<String, Object> all = read(id);
        if (all == null) {
            throw new IllegalArgumentException("No record " + id);
        }
        return all.get(field);
    }

    /** Every live record of an object, each as {@link #read} shows it, in creation order. */
    public java.util.List<Map<String, Object>> records(String sobject) {
        SObjectType type = type(sobject);
        java.util.List<String> ids = org.read(() -> org.records(type).stream().filter(r -> !r.isDeleted())
                .map(SRecord::id).toList());
        return ids.stream().map(this::read).toList();
    }

    public int count(String sobject) {
        return org.count(type(sobject));
    }

    public String defaultAccountId() {
        return defaultAccountId;
    }

    String productId(String productCode) {
        return org.read(() -> org.records(type(Schemas.PRODUCT)).stream()
                .filter(p -> productCode.equals(p.get("ProductCode"))).findFirst().map(SRecord::id)
                .orElseThrow(() -> new IllegalArgumentException("No product " + productCode)));
    }

    private SRecord record(String id) {
        SRecord r = org.read(() -> org.find(id));
        if (r == null) {
            throw new IllegalArgumentException("No record " + id);
        }
        return r;
    }

    private SObjectType type(String sobject) {
        SObjectType t = org.schemas().get(sobject);
        if (t == null) {
            throw new IllegalArgumentException("No object " + sobject);
        }
        return t;
    }
}
