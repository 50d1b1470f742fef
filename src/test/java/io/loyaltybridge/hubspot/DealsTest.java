package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deals as orders: closed-won earns, any other stage does not, and a refunded amount gives part of it back. */
class DealsTest {

    @Test
    void won_deals_earn_lost_ones_do_not_a_refund_takes_its_share_back_and_a_deal_lost_later_is_cancelled() {
        long[] c = new long[1];
        long[] deals = new long[3];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.hubspot.order-object", "deals",
                "loyalty.hubspot.refunded-amount-property", "amount_refunded"), hs -> {
                    hs.admin().createProperty(ObjectType.DEALS, "amount_refunded", "number", "number");
                    c[0] = hs.admin().createContact("deal@example.com", "Deal", "Maker");
                    deals[0] = hs.admin().createDeal(c[0], deal("200", "closedwon", null));
                    deals[1] = hs.admin().createDeal(c[0], deal("500", "closedlost", null));
                    deals[2] = hs.admin().createDeal(c[0], deal("100", "closedwon", "40"));
                })) {
            // 200 won + (100 won - 40 refunded) = 260; the lost deal earns nothing.
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.memberOf(c[0]).isPresent()
                    && w.points(w.memberOf(c[0]).get()) == 260 && w.inSync(c[0]));

            w.hs.admin().update(ObjectType.DEALS, deals[0], Map.of("dealstage", "closedlost"));
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.points(w.memberOf(c[0]).get()) == 60
                    && w.inSync(c[0]));
            assertThat(w.hs.admin().contact(c[0]).orElseThrow()).containsEntry("loyalty_points", "60");
            assertThat(w.batchUpdates()).isEqualTo(2);
            w.assertLedgerAndSpecs();
        }
    }

    static Map<String, String> deal(String amount, String stage, String refunded) {
        var p = new java.util.HashMap<>(Map.of("amount", amount, "dealstage", stage, "deal_currency_code", "EUR",
                "closedate", "2026-10-01T12:00:00Z", "pipeline", "default"));
        if (refunded != null) {
            p.put("amount_refunded", refunded);
        }
        return p;
    }
}
