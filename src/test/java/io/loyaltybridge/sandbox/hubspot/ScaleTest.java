package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Seeding at a size that fits the suite's time budget. Memory per record and throughput are measured by the
 * benchmark, not asserted here.
 */
class ScaleTest extends SandboxFixture {
    @Override
    protected SandboxOptions options() {
        return super.options().tenSecondLimit(1_000_000).dailyLimit(Integer.MAX_VALUE);
    }

    @Test
    void seededContactsAndOrdersAreRealisticWithAShareOfCancellationsAndRefunds() {
        long[] contacts = hs.admin().seed(10_000, 100_000);
        assertThat(contacts).hasSize(10_000);
        assertThat(hs.admin().count(ObjectType.ORDERS)).isEqualTo(100_000L);

        var cancelled = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_pipeline_stage","operator":"IN",
                 "values":["cancelled","refunded"]}]}],"sorts":[],"properties":[],"limit":1,"after":"0"}""");
        int share = cancelled.json().get("total").asInt() * 100 / 100_000;
        assertThat(share).isBetween(8, 16);
        var contact = hs.admin().contact(contacts[0]).orElseThrow();
        assertThat(contact.get("email")).endsWith("@example.com");
        assertThat(contact).containsKeys("firstname", "lastname", "date_of_birth");
    }
}
