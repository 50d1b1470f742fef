package io.loyaltybridge.bench;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Salesforce sandbox itself saw, independent of our code: its call counters (reads are SOQL queries,
 * writes the composite calls) and the loyalty fields stored on each contact, compared between two moments or
 * against the core.
 */
final class SalesforceCrm implements BenchCrm {
    static final String POINTS = "Loyalty_Points__c";
    static final String MEMBER_ID = "Loyalty_Member_Id__c";
    private final SalesforceSandbox sf;
    private final List<String> contacts;

    SalesforceCrm(SalesforceSandbox sf, List<String> contacts) {
        this.sf = sf;
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "Salesforce";
    }

    @Override
    public String system() {
        return "salesforce";
    }

    @Override
    public List<String> backfillObjects() {
        return List.of("Contact", "Order");
    }

    @Override
    public List<String> contacts() {
        return contacts;
    }

    /** Write calls served since the counters were last reset (composite updates and creates). */
    @Override
    public long writes() {
        return sf.calls().count("composite.update") + sf.calls().count("composite.create");
    }

    /** SOQL reads served (the incremental poll uses queryAll, so deletions come too). */
    @Override
    public long reads() {
        return sf.calls().count("query") + sf.calls().count("queryAll") + sf.calls().count("queryMore");
    }

    @Override
    public int perWrite() {
        return 200;
    }

    @Override
    public void resetCalls() {
        sf.calls().reset();
    }

    @Override
    public long orders() {
        return sf.admin().count("Order");
    }

    /** One item, so each order earns points at once (the benchmark's program has no return window). */
    @Override
    public void placeOrder(String contact) {
        sf.admin().createOrder(contact, "Activated", LocalDate.now(ZoneOffset.UTC), "EUR",
                List.of(new SandboxAdmin.Line("SKU-APP-01", 1, 149.0)));
    }

    /**
     * A fingerprint of every contact's loyalty fields as the sandbox stores them now, in contact order: a hash per
     * contact rather than the fields, so a 100 000-contact run does not hold three copies of them.
     */
    @Override
    public int[] snapshot() {
        int[] prints = new int[contacts.size()];
        for (int i = 0; i < prints.length; i++) {
            Map<String, Object> loyalty = new TreeMap<>();
            sf.admin().read(contacts.get(i)).forEach((field, value) -> {
                if (field.startsWith("Loyalty_") && value != null) {
                    loyalty.put(field, value);
                }
            });
            prints[i] = loyalty.hashCode();
        }
        return prints;
    }

    @Override
    public String memberIdShown(String contact) {
        return sf.admin().field(contact, MEMBER_ID) instanceof String id ? id : null;
    }

    /** Loyalty points the sandbox shows on a contact (null before the first push). */
    @Override
    public Long pointsShown(String contact) {
        return sf.admin().field(contact, POINTS) instanceof Number n ? n.longValue() : null;
    }
}
