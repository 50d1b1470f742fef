package io.loyaltybridge.program;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.program.referrals.ReferralCode;
import io.loyaltybridge.store.PgKpis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders in other currencies than the program's (EUR), on the shipped program with tiers on spend: they count in no
 * program figure unless the program declares a fixed rate, and then they count converted.
 */
class CurrenciesTimelineTest {
    private static final String[] SPEND_TIERS = {"  basis: points\n", "  basis: spend\n"};

    @Test
    void ordersInACurrencyWithoutARateCountInNoProgramFigure() {
        try (Timeline t = Timeline.variant("2026-03-02T10:00:00Z", SPEND_TIERS)) {
            t.order("E", "25.00").orderIn("USD", "U", "100.00").orderIn("GBP", "G", "500.00");
            assertThat(t.tier()).as("25 EUR of spend, not 625").isEqualTo("bronze");
            assertThat(t.standing().tier().measured()).isEqualByComparingTo("25");
            assertThat(t.pending()).as("25 + the first-order badge's 50").isEqualTo(75);
            assertThat(t.pendingCashback()).isEqualTo(25);
            t.days(1).run("segments-and-cltv");
            assertThat(t.standing().segments().cltvHistoric()).isEqualByComparingTo("25.00");
            var purchasers = t.store.transactions.read(() -> new PgKpis(t.store.transactions,
                    t.store.core.program()).purchasers(t.clock.instant(), Duration.ofDays(30)));
            assertThat(purchasers.buyers()).isEqualTo(1);
            assertThat(purchasers.repeatBuyers()).as("one counted order, not three").isZero();
        }
    }

    @Test
    void ordersInADeclaredCurrencyEarnAndCountConvertedAndTheReasonNamesTheRate() {
        try (Timeline t = Timeline.variant("2026-03-02T10:00:00Z", SPEND_TIERS[0], SPEND_TIERS[1],
                "currency: EUR\n", "currency: EUR\ncurrencies:\n  USD: 0.92\n")) {
            t.order("E", "25.00").orderIn("USD", "U", "500.00").orderIn("GBP", "G", "500.00");
            assertThat(t.standing().tier().measured()).as("25 + 500 x 0.92").isEqualByComparingTo("485");
            assertThat(t.pending()).as("25 + 460 + the first-order badge's 50").isEqualTo(25 + 460 + 50);
            assertThat(t.pendingCashback()).isEqualTo(2500 / 100 + 460);
            List<LedgerEntry> pending = t.store.transactions.read(() ->
                    t.store.ledger.history(List.of(t.member()), Account.PENDING).get(t.member()));
            assertThat(pending).extracting(LedgerEntry::reason)
                    .anySatisfy(r -> assertThat(r).contains("500.00 USD at 0.92 = 460.00 EUR"));
        }
    }

    @Test
    void badgesAndReferralsCountOnlyOrdersThatEarnAndABonusWaitsAndFallsWithItsOrder() {
        try (Timeline t = Timeline.shipped("2026-03-02T10:00:00Z")) {
            t.joins("referrer@example.com", null, null);
            String code = ReferralCode.of(t.member());
            t.joins("referee@example.com", null, code);
            t.order("small", "4.00").orderIn("GBP", "G", "300.00").cancel("small");
            assertThat(t.standing().badges()).as("below the minimum or foreign").isEmpty();
            t.order("X", "40.00");
            assertThat(t.standing().badges()).containsExactly("first-order");
            assertThat(t.pending()).as("40 + the badge's 50 + the referee's 250, all pending with X")
                    .isEqualTo(340);
            t.days(3).cancel("X");
            assertThat(t.standing().badges()).as("cancelled inside the window: the badge goes too").isEmpty();
            assertThat(t.pending()).isZero();
            assertThat(t.as("referrer@example.com").pending()).as("the referrer's bonus is cancelled too").isZero();
            assertThat(t.as("referrer@example.com").points()).as("signup only").isEqualTo(100);
            t.as("referee@example.com").order("A", "40.00");
            assertThat(t.standing().badges()).as("earned again by an order that earns").containsExactly("first-order");
            t.days(14).run("pending-release");
            assertThat(t.points()).as("signup 100 + 40 + badge 50 + referee 250").isEqualTo(440);
            assertThat(t.as("referrer@example.com").points()).as("signup + referral").isEqualTo(600);
        }
    }
}
