package io.loyaltybridge.sandbox.salesforce;

import io.loyaltybridge.sandbox.salesforce.data.OrgData;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the org with plausible data from a seeded {@link Random}: the same seed gives the same org. Records are
 * spread over the two years before the sandbox clock's "now" and emit no change events (they predate any
 * subscriber and the 72 h retention). About 6% of orders are later cancelled and 3% refunded, as status changes.
 */
final class Seeder {
    static final String[][] PRODUCTS = {
        {"Trail Runner Shoes", "SKU-SHOE-01", "Footwear"}, {"City Sneakers", "SKU-SHOE-02", "Footwear"},
        {"Rain Jacket", "SKU-APP-01", "Apparel"}, {"Merino Tee", "SKU-APP-02", "Apparel"},
        {"Water Bottle", "SKU-ACC-01", "Accessories"}, {"Day Pack", "SKU-ACC-02", "Accessories"},
        {"Gift Card", "SKU-GIFT-01", "Gift Cards"}, {"Running Socks", "SKU-APP-03", "Apparel"}};
    private static final double[] PRICES = {129.0, 89.5, 149.0, 39.9, 19.5, 74.0, 50.0, 12.0};
    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas",
        "Mia", "Mateo", "Amelia", "Levi", "Harper", "Ethan", "Aria", "Kenji", "Chloé", "Zoë", "José", "Aaliyah",
        "Priya", "Wei", "Fatima", "Ingrid", "Søren", "Marta", "Tomás", "Nadia", "O'Neil", "Anaïs"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Nguyen", "Kim", "Müller", "O'Brien", "Rossi", "Kowalski", "Dubois",
        "Tanaka", "Haddad", "Silva", "Okafor", "Larsen", "Novak", "Ivanova", "Schmidt", "Costa", "Ahmed"};
    private static final String[] DOMAINS = {"example.com", "mail.test", "inbox.example.org", "post.test"};

    private final OrgData org;
    private final String accountId;
    private final PersonAccountShape shape;

    Seeder(OrgData org, String accountId, PersonAccountShape shape) {
        this.org = org;
        this.accountId = accountId;
        this.shape = shape;
    }

    /** Whether the i-th seeded shopper is a person account: all of them, every other one (mixed), or none. */
    private boolean person(int i) {
        return shape == PersonAccountShape.PERSONS || shape == PersonAccountShape.MIXED && i % 2 == 1;
    }

    static void products(OrgData org) {
        SObjectType product = org.schemas().get(Schemas.PRODUCT);
        for (String[] p : PRODUCTS) {
            org.write("", org.clock().millis(), false, tx -> org.writer().insert(tx, product,
                    Map.of("Name", p[0], "ProductCode", p[1], "Family", p[2], "IsActive", true)));
        }
    }

    /** Adds {@code contacts} contacts and {@code orders} orders (with 1 to 3 items each); returns the contact ids. */
    List<String> seed(int contacts, int orders, long seed) {
        Random random = new Random(seed);
        long now = org.clock().millis();
        long span = Duration.ofDays(730).toMillis();
        long start = now - span;
        List<SRecord> people = new ArrayList<>(contacts);
        SObjectType contact = org.schemas().get(Schemas.CONTACT);
        for (int i = 0; i < contacts; i++) {
            long at = start + (long) ((double) span * i / Math.max(1, contacts)) + random.nextInt(60_000);
            Map<String, Object> f = contactFields(random, i);
            if (person(i)) {
                SObjectType account = org.schemas().get(Schemas.ACCOUNT);
                Map<String, Object> a = personAccountFields(f);
                people.add(org.write("", Math.min(at, now), false, tx -> (SRecord) org.writer()
                        .insert(tx, account, a).get("PersonContactId")));
            } else {
                people.add(org.write("", Math.min(at, now), false, tx -> org.writer().insert(tx, contact, f)));
            }
        }
        List<String> products = org.read(() -> org.records(org.schemas().get(Schemas.PRODUCT)).stream()
                .map(SRecord::id).toList());
        for (int i = 0; i < orders && !people.isEmpty(); i++) {
            long at = start + (long) ((double) span * i / orders) + random.nextInt(60_000);
            order(random, people.get(random.nextInt(people.size())), products, Math.min(at, now), now);
        }
        return people.stream().map(SRecord::id).toList();
    }

    private Map<String, Object> contactFields(Random random, int i) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        Map<String, Object> f = new HashMap<>();
        f.put("FirstName", first);
        f.put("LastName", last);
        f.put("Email", (ascii(first) + "." + ascii(last) + "." + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)])
                .toLowerCase());
        f.put("Birthdate", LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        f.put("HasOptedOutOfEmail", random.nextInt(10) == 0);
        f.put("AccountId", accountId);
        return f;
    }

    /** The same person as a person account: Person… names, no AccountId (the account is the person). */
    private static Map<String, Object> personAccountFields(Map<String, Object> contact) {
        Map<String, Object> a = new HashMap<>();
        a.put("RecordTypeId", Schemas.PERSON_ACCOUNT_RECORD_TYPE);
        a.put("FirstName", contact.get("FirstName"));
        a.put("LastName", contact.get("LastName"));
        a.put("PersonEmail", contact.get("Email"));
        a.put("PersonBirthdate", contact.get("Birthdate"));
        a.put("PersonHasOptedOutOfEmail", contact.get("HasOptedOutOfEmail"));
        return a;
    }

    /**
     * A business contact buys on the shop's account with itself as bill-to contact; a person buys on its own
     * account, mostly without a bill-to contact (as B2C orders usually come), sometimes with its person contact.
     */
    private void order(Random random, SRecord buyer, List<String> products, long at, long now) {
        SObjectType order = org.schemas().get(Schemas.ORDER);
        SObjectType item = org.schemas().get(Schemas.ORDER_ITEM);
        String status = random.nextInt(10) == 0 ? "Draft" : "Activated";
        boolean person = shape.enabled() && Boolean.TRUE.equals(buyer.get("IsPersonAccount"));
        boolean billTo = !person || random.nextInt(4) == 0;
        String currency = random.nextInt(5) == 0 ? "EUR" : "USD";
        SRecord o = org.write("", at, false, tx -> {
            Map<String, Object> fields = new HashMap<>(Map.of("AccountId",
                    person ? ((SRecord) buyer.get("AccountId")).id() : accountId, "Status", status,
                    "CurrencyIsoCode", currency,
                    "EffectiveDate", Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate()));
            if (billTo) {
                fields.put("BillToContactId", buyer.id());
            }
            SRecord created = org.writer().insert(tx, order, fields);
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                int p = random.nextInt(products.size());
                org.writer().insert(tx, item, Map.of("OrderId", created.id(), "Product2Id", products.get(p),
                        "Quantity", (double) (1 + random.nextInt(3)), "UnitPrice", PRICES[p % PRICES.length]));
            }
            return created;
        });
        int fate = random.nextInt(100);
        if (status.equals("Activated") && fate < 9) {
            long later = Math.min(now, at + Duration.ofDays(1 + random.nextInt(30)).toMillis());
            String next = fate < 6 ? "Cancelled" : "Refunded";
            org.write("", later, false, tx -> {
                org.writer().update(tx, o, Map.of("Status", next));
                return null;
            });
        }
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }
}
