package io.loyaltybridge.sandbox.hubspot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Realistic bulk data from a seed: contacts with names, unique emails and birthdays; orders spread over two years,
 * mostly processed, some cancelled or refunded, in a few currencies. Written straight to the stores (no webhooks,
 * no value parsing per record) so a million orders load in seconds.
 */
final class Seeder {
    private static final List<String> FIRST = List.of("Ann", "Ben", "Chloe", "David", "Emma", "Felix", "Grace",
            "Hugo", "Ines", "Jonas", "Klara", "Liam", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Sam", "Tara", "Yusuf");
    private static final List<String> LAST = List.of("Meyer", "Dubois", "Rossi", "Garcia", "Smith", "Novak",
            "Jensen", "Silva", "Kowalski", "Nguyen", "Brown", "Martin", "Weber", "Costa", "Horvat", "Larsen");
    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "EUR", "USD", "GBP", "CHF");
    private static final long TWO_YEARS = 730L * 86_400_000L;
    private final CrmData data;
    private final Random random;
    private int runs;

    Seeder(CrmData data, long seed) {
        this.data = data;
        this.random = new Random(seed);
    }

    synchronized long[] seed(int contacts, int orders) {
        runs++;
        long now = data.clock.millis();
        ObjectStore people = data.store(ObjectType.CONTACTS);
        long[] ids = new long[contacts];
        for (int i = 0; i < contacts; i++) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String email = (first + "." + last + "." + runs + "." + i + "@example.com").toLowerCase();
            String birthday = java.time.LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12),
                    1 + random.nextInt(28)).toString();
            long created = now - (long) (random.nextDouble() * TWO_YEARS);
            ids[i] = people.create(java.util.Map.of("email", email, "firstname", first, "lastname", last,
                    "date_of_birth", birthday), created).id();
        }
        ObjectStore shop = data.store(ObjectType.ORDERS);
        for (int i = 0; i < orders && contacts > 0; i++) {
            long contact = ids[random.nextInt(contacts)];
            long placed = now - (long) (random.nextDouble() * TWO_YEARS);
            BigDecimal total = BigDecimal.valueOf(500 + random.nextInt(49_500), 2);
            int roll = random.nextInt(100);
            String stage = roll < 85 ? "processed" : roll < 93 ? "cancelled" : roll < 97 ? "refunded" : "shipped";
            long id = shop.create(java.util.Map.of("hs_order_name", "Order " + runs + "-" + (i + 1),
                    "hs_total_price", total.toPlainString(), "hs_currency_code",
                    CURRENCIES.get(random.nextInt(CURRENCIES.size())), "hs_pipeline_stage", stage.intern()),
                    placed).id();
            data.orderContacts.link(id, contact);
        }
        return ids;
    }
}
