package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.program.grants.EventAwards;
import io.loyaltybridge.domain.program.grants.PartnerEarn;
import io.loyaltybridge.domain.program.rewards.Redemptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardsPartnersEventsTest {
    private final Program program = Programs.sample();
    private final Redemptions redemptions = new Redemptions(program);

    @Test
    void redeeming_a_reward_with_exactly_enough_points_debits_its_cost_and_says_what_was_granted() {
        Redemptions.Decision decision = redemptions.redeemReward("coffee", "bronze", 150);
        assertTrue(decision.granted());
        assertEquals(150, decision.debit());
        assertEquals(Account.POINTS, decision.account());
        assertEquals("one coffee", decision.granting());
    }

    @Test
    void a_reward_is_refused_for_too_few_points_the_wrong_tier_or_an_unknown_id() {
        assertThat(redemptions.redeemReward("coffee", "bronze", 149).message()).isEqualTo("Coffee costs 150, balance is 149");
        assertThat(redemptions.redeemReward("lounge", "silver", 5000).message()).contains("gold, vip");
        assertFalse(redemptions.redeemReward("yacht", "gold", 1_000_000).granted());
        assertEquals(0, redemptions.redeemReward("yacht", "gold", 1_000_000).debit());
    }

    @Test
    void cashback_is_redeemable_from_the_minimum_up_to_the_balance() {
        assertTrue(redemptions.redeemCashback(500, 500).granted());
        assertFalse(redemptions.redeemCashback(499, 10_000).granted());
        assertFalse(redemptions.redeemCashback(600, 599).granted());
        assertEquals(Account.CASHBACK, redemptions.redeemCashback(500, 500).account());
    }

    @Test
    void partner_transactions_earn_at_the_partner_rate() {
        PartnerEarn partners = new PartnerEarn(program);
        PartnerEarn.Result result = partners.pointsFor("skyair", new BigDecimal("301.00")).orElseThrow();
        assertEquals(150, result.points());
        assertThat(result.reason()).startsWith("SkyAir");
        assertThat(partners.pointsFor("unknown-air", BigDecimal.TEN)).isEmpty();
    }

    @Test
    void events_earn_their_points_until_their_limit() {
        EventAwards events = new EventAwards(program);
        assertEquals(100, events.award("signup", 0).points());
        assertFalse(events.award("signup", 1).granted());
        assertTrue(events.award("review", 500).granted());
        assertThat(events.award("tweet", 0).reason()).isEqualTo("no event tweet in the program");
    }
}
