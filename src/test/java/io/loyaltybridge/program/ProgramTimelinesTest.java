package io.loyaltybridge.program;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.program.referrals.ReferralCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The program engine end to end, as timelines on the shipped config/program.yaml (Paris time, 1 point per euro,
 * 14-day return window, shoes x2, 1 % cashback, points expire 24 months after they become available, tiers bronze
 * 0 / silver 500 / gold 2000 points a calendar year with 30 days' grace, first-order badge 50 points) on PostgreSQL.
 * Each row is one member's story with the balances, tiers and entries it must end with.
 */
class ProgramTimelinesTest {

    @TestFactory
    Stream<DynamicTest> timelines() {
        return Stream.of(
                row("pending points become available when the return window ends and not a day before",
                        "2026-03-02T10:00:00Z", t -> {
                            t.order("A", "100.00");
                            assertThat(t.pending()).as("100 + the first-order badge it caused").isEqualTo(150);
                            assertThat(t.points()).isZero();
                            assertThat(t.pendingCashback()).isEqualTo(100);
                            assertThat(t.cashback()).isZero();
                            t.days(13).run("pending-release");
                            assertThat(t.lastChanges).isZero();
                            assertThat(t.pending()).isEqualTo(150);
                            t.days(1).run("pending-release");
                            assertThat(t.lastChanges).isEqualTo(1);
                            assertThat(t.points()).isEqualTo(150);
                            assertThat(t.pending()).isZero();
                            assertThat(t.cashback()).isEqualTo(100);
                            assertThat(t.pendingCashback()).isZero();
                            t.run("pending-release");
                            assertThat(t.lastChanges).as("a second run releases nothing").isZero();
                        }),
                row("a refund inside the return window cancels only the refunded share of the pending points",
                        "2026-03-02T10:00:00Z", t -> {
                            t.order("A", "100.00").days(5).refund("A", "40.00");
                            assertThat(t.pending()).as("60 + the badge: the order still earns").isEqualTo(110);
                            assertThat(t.pendingCashback()).isEqualTo(60);
                            assertThat(t.points()).isZero();
                            t.days(9).run("pending-release");
                            assertThat(t.points()).isEqualTo(110);
                            assertThat(t.pending()).isZero();
                        }),
                row("a refund after the release takes the points back from the balance and the badge stays",
                        "2026-03-02T10:00:00Z", t -> {
                            t.order("A", "100.00").days(14).run("pending-release").days(6).refund("A", "100.00");
                            assertThat(t.points()).isEqualTo(50);
                            assertThat(t.pending()).isZero();
                            assertThat(t.cashback()).isZero();
                            assertThat(t.entries()).extracting(LedgerEntry::kind, LedgerEntry::points).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(EntryKind.RELEASE, 100L),
                                    org.assertj.core.groups.Tuple.tuple(EntryKind.RELEASE, 50L),
                                    org.assertj.core.groups.Tuple.tuple(EntryKind.REVERSE, -100L));
                        }),
                row("the tier rises the moment the threshold is exactly reached",
                        "2026-03-02T10:00:00Z", t -> {
                            t.order("A", "450.00");
                            assertThat(t.tier()).as("450 points + 50 badge = 500").isEqualTo("silver");
                            assertThat(t.standing().tier().nextTier()).isEqualTo("gold");
                            assertThat(t.standing().tier().toNextTier()).isEqualByComparingTo("1500");
                        }),
                row("points from an event count towards the tier at once", "2026-03-02T10:00:00Z", t -> {
                    t.order("A", "400.00");
                    assertThat(t.tier()).isEqualTo("bronze");
                    t.store.core.engine().grants().grantEvent(new io.loyaltybridge.domain.program.grants.EventReport(
                            io.loyaltybridge.domain.member.MemberRef.byId(t.member()), "review", "rev-1", null));
                    t.store.core.engine().grants().grantEvent(new io.loyaltybridge.domain.program.grants.EventReport(
                            io.loyaltybridge.domain.member.MemberRef.byId(t.member()), "review", "rev-2", null));
                    t.store.core.engine().grants().grantEvent(new io.loyaltybridge.domain.program.grants.EventReport(
                            io.loyaltybridge.domain.member.MemberRef.byId(t.member()), "review", "rev-3", null));
                    assertThat(t.tier()).as("400 + 50 badge + 3 x 20 reviews = 510").isEqualTo("silver");
                }),
                row("one point short of the threshold stays in the lower tier",
                        "2026-03-02T10:00:00Z", t -> {
                            t.order("A", "449.00");
                            assertThat(t.tier()).isEqualTo("bronze");
                            assertThat(t.standing().tier().toNextTier()).isEqualByComparingTo("1");
                        }),
                row("a downgrade waits for the assessment and its grace period, then drops one level",
                        "2026-01-15T10:00:00Z", t -> {
                            t.order("A", "600.00");
                            assertThat(t.tier()).isEqualTo("silver");
                            t.at("2027-01-10T06:00:00Z").run("tier-assessment");
                            assertThat(t.tier()).as("2026 qualifies for 2027").isEqualTo("silver");
                            t.at("2028-01-05T06:00:00Z").run("tier-assessment");
                            assertThat(t.tier()).as("below since today, inside grace").isEqualTo("silver");
                            t.at("2028-02-03T06:00:00Z").run("tier-assessment");
                            assertThat(t.tier()).as("29 days of grace").isEqualTo("silver");
                            t.at("2028-02-04T06:00:00Z").run("tier-assessment");
                            assertThat(t.tier()).as("30 days: grace over").isEqualTo("bronze");
                            t.run("tier-assessment");
                            assertThat(t.lastChanges).as("a second assessment changes nothing").isZero();
                        }),
                row("points expire 24 months after they became available, and a redemption on the expiry day "
                        + "cannot use them", "2026-01-05T10:00:00Z", t -> {
                            t.order("A", "100.00").days(14).run("pending-release");
                            assertThat(t.points()).as("the order and its badge, released together").isEqualTo(150);
                            t.at("2028-01-18T12:00:00Z").run("expiry");
                            assertThat(t.lastChanges).isZero();
                            assertThat(t.standing().expiring().points()).isEqualTo(150);
                            assertThat(t.standing().expiring().firstExpiry()).isEqualTo(LocalDate.of(2028, 1, 19));
                            t.at("2028-01-19T06:00:00Z");
                            assertThatThrownBy(() -> t.redeem(30)).isInstanceOf(Conflict.class);
                            assertThat(t.points()).as("a refused redemption changes nothing").isEqualTo(150);
                            t.run("expiry");
                            assertThat(t.points()).isZero();
                            t.run("expiry");
                            assertThat(t.lastChanges).as("a second run expires nothing").isZero();
                            assertThat(t.store.check.mismatches()).isEmpty();
                        }),
                row("points spent the day before they expire are taken from the oldest lot and only the rest "
                        + "expires", "2026-01-05T10:00:00Z", t -> {
                            t.order("A", "100.00").days(14).run("pending-release");
                            t.at("2028-01-04T12:00:00Z").redeem(70);
                            assertThat(t.points()).isEqualTo(80);
                            t.at("2028-01-05T08:00:00Z").run("expiry");
                            assertThat(t.points()).as("nothing was due yet").isEqualTo(80);
                            t.at("2028-01-19T08:00:00Z").run("expiry");
                            assertThat(t.points()).isZero();
                        }),
                row("a 29 February birthday is celebrated on 28 February in other years, in Paris time",
                        "2027-02-01T10:00:00Z", t -> {
                            t.joins("leap@example.com", LocalDate.of(2000, 2, 29), null);
                            assertThat(t.points()).as("signup bonus").isEqualTo(100);
                            t.at("2027-02-27T22:30:00Z").run("birthday-bonus");
                            assertThat(t.lastChanges).as("still the 27th in Paris").isZero();
                            t.at("2027-02-27T23:30:00Z").run("birthday-bonus");
                            assertThat(t.points()).isEqualTo(300);
                            t.run("birthday-bonus");
                            assertThat(t.lastChanges).as("once a year").isZero();
                            t.at("2028-02-28T12:00:00Z").run("birthday-bonus");
                            assertThat(t.lastChanges).as("2028 has a 29 February").isZero();
                            t.at("2028-02-29T12:00:00Z").run("birthday-bonus");
                            assertThat(t.points()).isEqualTo(500);
                        }),
                row("a day the birthday job did not run is granted by the next run, still once a year",
                        "2026-06-01T10:00:00Z", t -> {
                            t.joins("june@example.com", LocalDate.of(1990, 6, 15), null);
                            t.at("2026-06-14T06:00:00Z").run("birthday-bonus");
                            assertThat(t.lastChanges).isZero();
                            t.at("2026-06-16T06:00:00Z").run("birthday-bonus");
                            assertThat(t.lastChanges).as("the 15th was missed").isEqualTo(1);
                            assertThat(t.points()).as("signup 100 + birthday 200").isEqualTo(300);
                            t.at("2026-06-17T06:00:00Z").run("birthday-bonus");
                            assertThat(t.lastChanges).isZero();
                            t.at("2027-06-20T06:00:00Z").run("birthday-bonus");
                            assertThat(t.points()).as("a year of missed runs: next year's birthday").isEqualTo(500);
                        }),
                row("shoes earn double on their own line only", "2026-03-02T10:00:00Z", t -> {
                    t.order("A", "150.00", new OrderLine("S1", "shoes", 1, new BigDecimal("100.00")),
                            new OrderLine("B1", "books", 1, new BigDecimal("50.00")));
                    assertThat(t.pending()).as("250 + the first-order badge").isEqualTo(300);
                }),
                row("cashback is pending during the return window, shrinks with a refund inside it and is released "
                        + "with the points", "2026-03-02T10:00:00Z", t -> {
                    t.order("A", "250.00");
                    assertThat(t.pendingCashback()).isEqualTo(250);
                    assertThat(t.cashback()).as("nothing to cash out of an order that may come back").isZero();
                    t.days(2).refund("A", "50.00");
                    assertThat(t.pendingCashback()).isEqualTo(200);
                    t.days(12).run("pending-release");
                    assertThat(t.cashback()).isEqualTo(200);
                    assertThat(t.pendingCashback()).isZero();
                    t.days(1).refund("A", "250.00");
                    assertThat(t.cashback()).as("after the window a refund takes it back").isZero();
                }),
                row("a campaign doubles points inside its dates and stops at its per-member cap, refunds included",
                        "2025-04-01T10:00:00Z", t -> {
                            t.order("A", "1500.00");
                            assertThat(t.pending()).as("1500 base + 1500 campaign + 50 badge").isEqualTo(3050);
                            assertThat(t.tier()).isEqualTo("gold");
                            t.order("B", "1000.00");
                            assertThat(t.pending()).as("+1000 base, +500 gold, +500 left under the cap")
                                    .isEqualTo(5050);
                            t.days(1).refund("A", "750.00");
                            assertThat(t.pending()).as("A now 750 base + 750 campaign").isEqualTo(3550);
                            t.order("C", "1000.00");
                            assertThat(t.pending()).as("+1000 base, +500 gold, +750 left under the cap")
                                    .isEqualTo(5800);
                            t.at("2025-05-01T10:00:00Z").order("D", "100.00");
                            assertThat(t.pending()).as("after the campaign: 100 base + 50 gold").isEqualTo(5950);
                        }),
                row("a partial refund of an order whose campaign bonus hit the cap takes back the refunded share "
                        + "of each part", "2025-04-01T10:00:00Z", t -> {
                            t.order("A", "1950.00");
                            assertThat(t.tier()).isEqualTo("gold");
                            long beforeB = t.pending();
                            t.order("B", "80.00");
                            assertThat(t.pending() - beforeB).as("80 base + 40 gold + 50 left under the cap")
                                    .isEqualTo(170);
                            long beforeRefund = t.pending();
                            t.days(2).refund("B", "40.00");
                            assertThat(beforeRefund - t.pending()).as("half of 80, 40 and 50").isEqualTo(85);
                        }),
                row("a referral pays both sides once, on the referee's first qualifying order",
                        "2026-03-02T10:00:00Z", t -> {
                            t.joins("referrer@example.com", null, null);
                            String code = ReferralCode.of(t.member());
                            t.joins("referee@example.com", null, code);
                            t.order("A", "20.00");
                            assertThat(t.pending()).as("20 + badge 50; 20 EUR is below 30").isEqualTo(70);
                            t.order("B", "40.00");
                            assertThat(t.pending()).as("+40 +250 referee bonus, pending with B").isEqualTo(360);
                            t.order("C", "100.00");
                            assertThat(t.pending()).isEqualTo(460);
                            assertThat(t.as("referrer@example.com").pending()).isEqualTo(500);
                            t.days(14).run("pending-release");
                            assertThat(t.points()).as("signup 100 + 500").isEqualTo(600);
                            assertThat(t.as("referee@example.com").points()).isEqualTo(560);
                        }),
                row("an unknown referral code is refused and creates no member", "2026-03-02T10:00:00Z", t -> {
                    assertThatThrownBy(() -> t.joins("nobody@example.com", null, "ZZZZZZZZ"))
                            .isInstanceOf(InvalidInput.class).hasMessageContaining("referralCode");
                    assertThat(t.store.memberService.byEmail(new Email("nobody@example.com"))).isEmpty();
                }),
                row("badges are granted once each with their bonus points", "2026-01-10T10:00:00Z", t -> {
                    for (int month = 0; month < 6; month++) {
                        t.order("M" + month, "20.00").days(31);
                    }
                    assertThat(t.standing().badges()).containsExactlyInAnyOrder("first-order", "streak-6");
                    for (int extra = 0; extra < 4; extra++) {
                        t.order("X" + extra, "20.00");
                    }
                    assertThat(t.standing().badges()).contains("regular");
                    t.days(14).run("pending-release");
                    assertThat(t.entries()).filteredOn(e -> e.operationKey().startsWith("badge:"))
                            .extracting(LedgerEntry::points).containsExactlyInAnyOrder(50L, 300L, 200L);
                }),
                row("an order placed at 00:30 on 1 January in Paris counts in the new year's tier window",
                        "2026-12-31T23:30:00Z", t -> {
                            t.order("A", "600.00").at("2027-01-02T10:00:00Z");
                            assertThat(t.standing().tier().window().start()).isEqualTo(LocalDate.of(2027, 1, 1));
                            assertThat(t.standing().tier().measured()).isEqualByComparingTo("650");
                            assertThat(t.tier()).isEqualTo("silver");
                        }),
                row("segments and lifetime values are computed for everyone and a second run changes nothing",
                        "2026-01-05T10:00:00Z", t -> {
                            for (int i = 0; i < 8; i++) {
                                t.as("regular@example.com").order("R" + i, "120.00",
                                        new OrderLine("S", "shoes", 1, new BigDecimal("120.00"))).days(20);
                            }
                            t.as("once@example.com").order("O1", "30.00").days(200);
                            t.as("new@example.com").order("N1", "60.00");
                            t.run("segments-and-cltv");
                            assertThat(t.lastChanges).isEqualTo(3);
                            t.run("segments-and-cltv");
                            assertThat(t.lastChanges).isZero();
                            var regular = t.as("regular@example.com").standing().segments();
                            assertThat(regular.preferredCategory()).isEqualTo("shoes");
                            assertThat(regular.cltvHistoric()).isEqualByComparingTo("960.00");
                            assertThat(regular.rfmSegment()).isNotNull();
                            var once = t.as("once@example.com").standing().segments();
                            assertThat(once.cltvPredicted()).isLessThan(regular.cltvPredicted());
                            assertThat(t.store.check.mismatches()).isEmpty();
                        }));
    }

    private static DynamicTest row(String name, String start, Consumer<Timeline> story) {
        Executable run = () -> {
            try (Timeline timeline = Timeline.shipped(start)) {
                story.accept(timeline);
                assertThat(timeline.store.check.mismatches()).as("stored balances equal the entries").isEmpty();
            }
        };
        return DynamicTest.dynamicTest(name, run);
    }

}
