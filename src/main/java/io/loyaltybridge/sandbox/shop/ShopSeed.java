package io.loyaltybridge.sandbox.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a believable shop, the same for the same seed: customers split between the two CRMs with an overlap,
 * two years of purchases with a Christmas peak and a summer dip, a few heavy buyers, and cancellations and refunds.
 * The catalogue's categories and SKUs are the ones the shipped program rewards (shoes double, gift cards nothing).
 */
public final class ShopSeed {
    static final Shop.Item[] CATALOGUE = {
        item("SHOE-TRAIL", "shoes", "129.00"), item("SHOE-CITY", "shoes", "89.50"),
        item("JACKET-RAIN", "apparel", "149.00"), item("TEE-MERINO", "apparel", "39.90"),
        item("SOCKS-RUN", "apparel", "12.00"), item("BOTTLE", "accessories", "19.50"),
        item("DAYPACK", "accessories", "74.00"), item("GIFT-CARD-50", "gift-cards", "50.00")};
    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas",
        "Mia", "Mateo", "Amelia", "Léa", "Harper", "Ethan", "Aria", "Kenji", "Chloé", "Zoë", "José", "Aaliyah",
        "Priya", "Wei", "Fatima", "Ingrid", "Søren", "Marta", "Tomás", "Nadia", "Anaïs", "Jonas"};
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Garcia", "Müller", "Rossi", "Smith",
        "Nguyen", "Kowalski", "Jensen", "Tanaka", "Haddad", "Silva", "Okafor", "Larsen", "Novak", "Costa", "Ahmed"};
    /** Relative order volume per month, January first: quiet summer, busy November and December. */
    private static final double[] SEASON = {0.8, 0.7, 0.9, 1.0, 1.0, 0.8, 0.6, 0.6, 0.9, 1.1, 1.6, 2.0};

    private ShopSeed() {
    }

    public static Shop generate(int customerCount, int purchaseCount, Instant now, long seed) {
        Random random = new Random(seed);
        List<Shop.Customer> customers = new ArrayList<>(customerCount);
        for (int i = 0; i < customerCount; i++) {
            customers.add(customer(i, random));
        }
        List<Integer> weighted = weightedCustomers(customers);
        List<Shop.Purchase> purchases = new ArrayList<>(purchaseCount);
        Instant start = now.minus(Duration.ofDays(730));
        while (purchases.size() < purchaseCount) {
            Instant at = start.plusSeconds((long) (random.nextDouble() * Duration.ofDays(730).toSeconds()));
            int month = at.atZone(ZoneOffset.UTC).getMonthValue() - 1;
            if (random.nextDouble() * 2.0 > SEASON[month]) {
                continue;
            }
            Shop.Customer c = customers.get(weighted.get(random.nextInt(weighted.size())));
            purchases.add(purchase(c, at, random));
        }
        purchases.sort(java.util.Comparator.comparing(Shop.Purchase::at));
        return new Shop(customers, purchases);
    }

    private static Shop.Customer customer(int i, Random random) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        double where = random.nextDouble();
        Shop.Crm crm = where < 0.45 ? Shop.Crm.SALESFORCE : where < 0.85 ? Shop.Crm.HUBSPOT : Shop.Crm.BOTH;
        LocalDate birth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String email = (ascii(first) + "." + ascii(last) + "." + i + "@shop.example").toLowerCase();
        return new Shop.Customer(i, email, first, last, birth, random.nextDouble() < 0.7, crm,
                random.nextDouble() < 0.03);
    }

    /** Heavy buyers appear twenty times in the draw, so a few customers make a large share of the orders. */
    private static List<Integer> weightedCustomers(List<Shop.Customer> customers) {
        List<Integer> weighted = new ArrayList<>();
        for (Shop.Customer c : customers) {
            for (int n = c.heavyBuyer() ? 20 : 1; n > 0; n--) {
                weighted.add(c.index());
            }
        }
        return weighted;
    }

    /** One more purchase by the customer at {@code at}: what sandbox mode keeps adding while it runs. */
    public static Shop.Purchase purchase(Shop.Customer c, Instant at, Random random) {
        List<Shop.Item> items = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            Shop.Item base = CATALOGUE[random.nextInt(CATALOGUE.length)];
            items.add(new Shop.Item(base.sku(), base.category(), 1 + (random.nextDouble() < 0.2 ? 1 : 0),
                    base.unitPrice()));
        }
        double roll = random.nextDouble();
        Shop.Fate fate = roll < 0.88 ? Shop.Fate.KEPT : roll < 0.93 ? Shop.Fate.CANCELLED
                : roll < 0.97 ? Shop.Fate.REFUNDED : Shop.Fate.PARTIALLY_REFUNDED;
        BigDecimal total = items.stream().map(Shop.Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal refunded = switch (fate) {
            case REFUNDED -> total;
            case PARTIALLY_REFUNDED -> total.multiply(BigDecimal.valueOf(0.2 + random.nextDouble() * 0.5))
                    .setScale(2, RoundingMode.HALF_UP);
            default -> BigDecimal.ZERO;
        };
        Shop.Crm recordedIn = c.crm() == Shop.Crm.BOTH
                ? (random.nextBoolean() ? Shop.Crm.SALESFORCE : Shop.Crm.HUBSPOT) : c.crm();
        return new Shop.Purchase(c.index(), at, List.copyOf(items), fate, refunded, recordedIn);
    }

    private static Shop.Item item(String sku, String category, String price) {
        return new Shop.Item(sku, category, 1, new BigDecimal(price));
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }
}
