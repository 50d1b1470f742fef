package io.loyaltybridge.sandbox.shop;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ShopSeedTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private final Shop shop = ShopSeed.generate(2_000, 30_000, NOW, 42);

    @Test
    void the_same_seed_gives_the_same_shop() {
        assertThat(ShopSeed.generate(2_000, 30_000, NOW, 42)).isEqualTo(shop);
    }

    @Test
    void customers_are_split_between_the_crms_with_some_in_both_and_unique_emails() {
        Map<Shop.Crm, Long> byCrm = shop.customers().stream()
                .collect(Collectors.groupingBy(Shop.Customer::crm, Collectors.counting()));
        assertThat(byCrm.get(Shop.Crm.BOTH)).isBetween(200L, 400L);
        assertThat(byCrm.get(Shop.Crm.SALESFORCE)).isBetween(800L, 1_000L);
        assertThat(shop.customers().stream().map(Shop.Customer::email).distinct()).hasSize(2_000);
        assertThat(shop.customers()).allSatisfy(c -> assertThat(c.email()).matches("[a-z.0-9]+@shop\\.example"));
    }

    @Test
    void two_years_of_purchases_peak_before_christmas_with_heavy_buyers_and_refunds() {
        assertThat(shop.purchases()).hasSize(30_000);
        assertThat(shop.purchases().get(0).at()).isAfter(NOW.minusSeconds(731L * 86_400));
        long december = shop.purchases().stream().filter(p -> p.at().atZone(ZoneOffset.UTC).getMonthValue() == 12).count();
        long july = shop.purchases().stream().filter(p -> p.at().atZone(ZoneOffset.UTC).getMonthValue() == 7).count();
        assertThat(december).isGreaterThan(2 * july);
        Map<Integer, Long> perCustomer = shop.purchases().stream()
                .collect(Collectors.groupingBy(Shop.Purchase::customer, Collectors.counting()));
        long heavyOrders = shop.customers().stream().filter(Shop.Customer::heavyBuyer)
                .mapToLong(c -> perCustomer.getOrDefault(c.index(), 0L)).sum();
        assertThat(heavyOrders).as("3 % of customers, a third of the orders").isGreaterThan(30_000 / 5);
        long refunded = shop.purchases().stream().filter(p -> p.fate() != Shop.Fate.KEPT).count();
        assertThat(refunded).isBetween(2_400L, 4_800L);
        assertThat(shop.purchases()).filteredOn(p -> p.fate() == Shop.Fate.PARTIALLY_REFUNDED)
                .allSatisfy(p -> assertThat(p.refunded()).isPositive().isLessThan(p.total()));
    }
}
