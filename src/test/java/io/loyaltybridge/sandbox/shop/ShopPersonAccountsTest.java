package io.loyaltybridge.sandbox.shop;

import io.loyaltybridge.sandbox.SeedClock;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.salesforce.PersonAccountShape;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop in a mixed org: Salesforce shoppers are business contacts and person accounts, half and half. */
class ShopPersonAccountsTest {
    @Test
    void a_mixed_orgs_shop_has_business_contacts_and_person_accounts_whose_orders_name_their_account() {
        SeedClock clock = new SeedClock();
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withPersonAccounts(PersonAccountShape.MIXED));
             HubSpotSandbox hs = HubSpotSandbox.start(io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults()
                     .token("shop-test-token").clock(clock))) {
            ShopLoader.Loaded loaded = ShopLoader.load(ShopSeed.generate(60, 300, Instant.now(), 5), sf, hs, clock);
            long persons = Arrays.stream(loaded.salesforceIds()).filter(Objects::nonNull)
                    .filter(id -> Boolean.TRUE.equals(sf.admin().field(id, "IsPersonAccount"))).count();
            long all = Arrays.stream(loaded.salesforceIds()).filter(Objects::nonNull).count();
            assertThat(persons).isPositive().isLessThan(all);
            assertThat(sf.admin().records("Order").stream().filter(o -> o.get("BillToContactId") == null).toList())
                    .isNotEmpty().allSatisfy(o -> assertThat(sf.admin().field((String) o.get("AccountId"),
                            "IsPersonAccount")).isEqualTo(true));
        }
    }
}
