package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.ledger.OrderSettlement;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.Programs;
import io.loyaltybridge.domain.program.tiers.Tiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.completed;
import static io.loyaltybridge.domain.program.Programs.d;
import static io.loyaltybridge.domain.program.Programs.line;
import static io.loyaltybridge.domain.program.Programs.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EarnCalculatorTest {
    private static final String MID_FEB = "2025-02-10T10:00:00Z";
    private static final String MID_MARCH = "2025-03-10T10:00:00Z";
    private final EarnCalculator calculator = new EarnCalculator(Programs.sample());

    static Stream<Arguments> scenarios() {
        MemberContext bronze = MemberContext.inTier("bronze");
        return Stream.of(
                Arguments.of("a plain order earns one point per euro kept", completed("100.00", MID_FEB), bronze,
                        100L, Map.of(EarnLine.Kind.BASE, 100L)),
                Arguments.of("fractions of a point are rounded down", completed("99.99", MID_FEB), bronze,
                        99L, Map.of(EarnLine.Kind.BASE, 99L)),
                Arguments.of("an order one cent below the minimum earns nothing", completed("4.99", MID_FEB),
                        bronze, 0L, Map.of(EarnLine.Kind.NONE, 0L)),
                Arguments.of("an order exactly at the minimum earns", completed("5.00", MID_FEB), bronze,
                        5L, Map.of(EarnLine.Kind.BASE, 5L)),
                Arguments.of("a shoes line earns double on that line only",
                        completed("100.00", MID_FEB, line("S1", "shoes", 2, "30.00"), line("T1", "tees", 1, "40.00")),
                        bronze, 160L, Map.of(EarnLine.Kind.BASE, 40L, EarnLine.Kind.CATEGORY, 120L)),
                Arguments.of("a sale line earns half",
                        completed("40.00", MID_FEB, line("X", "sale", 1, "40.00")), bronze,
                        20L, Map.of(EarnLine.Kind.CATEGORY, 20L)),
                Arguments.of("a SKU multiplier replaces its category's",
                        completed("50.00", MID_FEB, line("GIFT-CARD", "shoes", 1, "50.00")), bronze,
                        0L, Map.of(EarnLine.Kind.SKU, 0L)),
                Arguments.of("a silver member earns a quarter more", completed("100.00", MID_FEB),
                        MemberContext.inTier("silver"), 125L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.TIER, 25L)),
                Arguments.of("a gold member gets the tier multiplier and the gold campaign bonus",
                        completed("100.00", MID_FEB), MemberContext.inTier("gold"),
                        200L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.TIER, 50L, EarnLine.Kind.CAMPAIGN, 50L)),
                Arguments.of("double points in March add to the purchase points", completed("100.00", MID_MARCH),
                        bronze, 200L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.CAMPAIGN, 100L)),
                Arguments.of("the campaign cap limits what is left for the member", completed("100.00", MID_MARCH),
                        new MemberContext("bronze", Set.of(), Map.of("double-march", 100L)),
                        150L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.CAMPAIGN, 50L)),
                Arguments.of("a member who used up the cap gets no more campaign points",
                        completed("100.00", MID_MARCH),
                        new MemberContext("bronze", Set.of(), Map.of("double-march", 150L)),
                        100L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.CAMPAIGN, 0L)),
                Arguments.of("an order at 00:30 in Paris on March 1st is in the March campaign although it is "
                        + "still February in UTC", completed("100.00", "2025-02-28T23:30:00Z"), bronze,
                        200L, Map.of(EarnLine.Kind.BASE, 100L, EarnLine.Kind.CAMPAIGN, 100L)),
                Arguments.of("an order at 00:30 in Paris on April 1st is after the campaign",
                        completed("100.00", "2025-03-31T22:30:00Z"), bronze,
                        100L, Map.of(EarnLine.Kind.BASE, 100L)),
                Arguments.of("a half refunded order earns half of every part",
                        order("o1", "100.00", MID_FEB, OrderStatus.PARTIALLY_REFUNDED, "50.00",
                                line("S1", "shoes", 1, "100.00")), bronze,
                        100L, Map.of(EarnLine.Kind.CATEGORY, 100L)),
                Arguments.of("a fully refunded order earns nothing",
                        order("o1", "100.00", MID_FEB, OrderStatus.REFUNDED, "100.00"), MemberContext.inTier("gold"),
                        0L, Map.of(EarnLine.Kind.NONE, 0L)),
                Arguments.of("a cancelled order earns nothing",
                        order("o1", "100.00", MID_FEB, OrderStatus.CANCELLED, null), bronze,
                        0L, Map.of(EarnLine.Kind.NONE, 0L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void earning_scenarios(String scenario, Order order, MemberContext member, long expected,
                           Map<EarnLine.Kind, Long> parts) {
        EarnResult result = calculator.earn(order, member);
        assertAll(
                () -> assertEquals(expected, result.points(), result.explain()),
                () -> assertThat(result.breakdown()).extracting(EarnLine::kind).containsExactlyInAnyOrderElementsOf(
                        parts.keySet()),
                () -> parts.forEach((kind, points) -> assertEquals(points, result.breakdown().stream()
                        .filter(l -> l.kind() == kind).mapToLong(EarnLine::points).sum(), kind + ": " + result.explain())),
                () -> assertEquals(result.points(), Math.max(0, result.breakdown().stream()
                        .mapToLong(EarnLine::points).sum())));
    }

    @Test
    void every_part_of_the_breakdown_has_a_readable_reason() {
        EarnResult result = calculator.earn(completed("100.00", MID_MARCH, line("S1", "shoes", 1, "60.00")),
                new MemberContext("silver", Set.of(), Map.of("double-march", 100L)));
        assertThat(result.explain()).isEqualTo("40.00 EUR x 1 points per unit: 40; "
                + "category shoes x2 on 60.00 EUR: 120; silver tier x1.25: 40; "
                + "campaign Double March x2 (limited to 150 per member, 50 left): 50");
        assertThat(result.pointsByCampaign()).containsExactly(Map.entry("double-march", 50L));
    }

    @Test
    void cashback_is_one_percent_of_the_kept_amount_in_cents_rounded_down() {
        assertEquals(123, calculator.earn(completed("123.45", MID_FEB), MemberContext.inTier("bronze"))
                .cashbackMinor());
        assertEquals(61, calculator.earn(order("o1", "123.45", MID_FEB, OrderStatus.PARTIALLY_REFUNDED, "61.70"),
                MemberContext.inTier("bronze")).cashbackMinor());
    }

    @Test
    void points_become_available_fourteen_calendar_days_later_in_the_program_zone_across_a_clock_change() {
        // Placed 11:00 in Paris (CET); 14 days later it is 11:00 CEST, which is 09:00 UTC.
        EarnResult result = calculator.earn(completed("100.00", "2025-03-20T10:00:00Z"),
                MemberContext.inTier("bronze"));
        assertEquals(Instant.parse("2025-04-03T09:00:00Z"), result.availableAt());
        assertThat(result.pendingAt(Instant.parse("2025-04-03T08:59:59Z"))).isTrue();
        assertThat(result.pendingAt(Instant.parse("2025-04-03T09:00:00Z"))).isFalse();
    }

    @Test
    void anOrderInACurrencyWithoutADeclaredRateEarnsNothingAndSaysWhy() {
        Order usd = new Order(new OrderKey("shop", "u1"), new MemberId(1), d("100"), new CurrencyCode("USD"),
                Instant.parse(MID_FEB), OrderStatus.COMPLETED, null, List.of());
        EarnResult result = calculator.earn(usd, MemberContext.inTier("bronze"));
        assertEquals(0, result.points());
        assertThat(result.explain()).contains("USD").contains("EUR");
    }

    @ParameterizedTest(name = "the flat program gives {3} points for {0} with {1} refunded ({2})")
    @MethodSource("flatCases")
    void the_flat_program_earns_one_point_per_whole_unit_kept(String total, String refunded, OrderStatus status,
                                                              long points) {
        Order order = order("o1", total, MID_FEB, status, refunded);
        assertEquals(points, new EarnCalculator(Programs.flat()).earn(order, MemberContext.inTier("member")).points());
    }

    static Stream<Arguments> flatCases() {
        return Stream.of(Arguments.of("100.00", null, OrderStatus.COMPLETED, 100L),
                Arguments.of("0.99", null, OrderStatus.COMPLETED, 0L),
                Arguments.of("99.99", "10.50", OrderStatus.PARTIALLY_REFUNDED, 89L),
                Arguments.of("100.00", "100.00", OrderStatus.REFUNDED, 0L),
                Arguments.of("100.00", null, OrderStatus.CANCELLED, 0L));
    }

    @Test
    void settling_through_the_ledger_reverses_exactly_the_refunded_share() {
        MemberContext gold = MemberContext.inTier("gold");
        Order placed = order("o1", "200.00", MID_FEB, OrderStatus.COMPLETED, null, line("S", "shoes", 1, "200.00"));
        EarnResult first = calculator.earn(placed, gold);
        // base 200 + shoes 200 + gold x1.5 on 400 = 200 + gold bonus 50
        assertEquals(650, first.points());
        Order refunded = order("o1", "200.00", MID_FEB, OrderStatus.PARTIALLY_REFUNDED, "50.00",
                line("S", "shoes", 1, "200.00"));
        EarnResult after = calculator.earn(refunded, gold);
        NewEntry reversed = OrderSettlement.settle(new StoredOrder(7, refunded, 2),
                java.util.Map.of(io.loyaltybridge.domain.ledger.Account.POINTS, first.points()), after, "test-1",
                Instant.parse("2025-03-12T10:00:00Z"), "r2").get(0);
        assertEquals(EntryKind.REVERSE, reversed.kind());
        // A quarter of every part: 400 shoes -> 300, gold 200 -> 150, the fixed bonus 50 -> 37.5, rounded down.
        assertEquals(-163, reversed.points());
    }

    @Test
    void aLineMultiplierBelowOneIsPricedAsOneNumberRoundedOnceAsConfigured() {
        // Three grocery lines at x0.25, 2 points per unit, half_up: 31.00 x 2 x 0.25 = 15.5, which rounds to 16.
        Program program = Programs.program(new Earning(d("2"), java.math.RoundingMode.HALF_UP, d("5"),
                Map.of("grocery", d("0.25")), Map.of(), 14, List.of()), Tiers.single("member"));
        EarnResult result = new EarnCalculator(program).earn(completed("31.00", MID_FEB,
                line("A", "grocery", 1, "11.00"), line("B", "grocery", 1, "11.00"), line("C", "grocery", 1, "9.00")),
                MemberContext.inTier("member"));
        assertEquals(16, result.points(), result.explain());
        assertThat(result.explain()).isEqualTo("category grocery x0.25 on 31.00 EUR: 16");
    }

    @Test
    void fractionsOfACurrencyUnitEarnTheirShareBeforeRounding() {
        Program program = Programs.program(new Earning(d("2"), java.math.RoundingMode.FLOOR, d("5"), Map.of(),
                Map.of(), 14, List.of()), Tiers.single("member"));
        assertEquals(21, new EarnCalculator(program).earn(completed("10.50", MID_FEB),
                MemberContext.inTier("member")).points());
    }

    @Test
    void anOrderInADeclaredCurrencyEarnsConvertedAtTheFixedRateAndNamesIt() {
        Program base = Programs.sample();
        Program program = new Program(base.version(), base.name(), base.zone(), base.currency(), base.earning(),
                base.cashback(), base.rewards(), base.expiry(), base.tiers(), base.referral(), base.partners(),
                base.badges(), base.leaderboard(), base.segments(), base.cltv(), base.offers(), base.events(),
                base.jobs(), new FixedRates(Map.of(new CurrencyCode("USD"), d("0.92"))));
        Order usd = new Order(new OrderKey("shop", "u1"), new MemberId(1), d("100.00"), new CurrencyCode("USD"),
                Instant.parse(MID_FEB), OrderStatus.COMPLETED, null, List.of());
        EarnResult result = new EarnCalculator(program).earn(usd, MemberContext.inTier("bronze"));
        assertEquals(92, result.points());
        assertEquals(92, result.cashbackMinor());
        assertThat(result.explain()).startsWith("100.00 USD at 0.92 = 92.00 EUR; 92.00 EUR x 1 points per unit: 92");
        Order small = new Order(new OrderKey("shop", "u2"), new MemberId(1), d("5.40"), new CurrencyCode("USD"),
                Instant.parse(MID_FEB), OrderStatus.COMPLETED, null, List.of());
        EarnResult below = new EarnCalculator(program).earn(small, MemberContext.inTier("bronze"));
        assertThat(below.points()).as("4.97 EUR is below the 5.00 minimum").isZero();
        assertThat(below.cashbackMinor()).as("the minimum order also stops cashback").isZero();
    }

    @Test
    void aPartialRefundOfACappedCampaignOrderTakesBackTheRefundedShareOfEachPart() {
        // The cap left 50 campaign points when the order was first settled; it gave 100 base + 50 campaign.
        MemberContext first = new MemberContext("bronze", Set.of(), Map.of("double-march", 100L));
        EarnResult whole = calculator.earn(completed("100.00", MID_MARCH), first, Map.of("double-march", 100L));
        assertEquals(150, whole.points());
        // Half refunded later, after another order filled the cap: still half of each part, not the cap's room.
        EarnResult half = calculator.earn(order("o1", "100.00", MID_MARCH, OrderStatus.PARTIALLY_REFUNDED, "50.00"),
                first, Map.of("double-march", 100L));
        assertEquals(75, half.points(), half.explain());
        assertThat(half.pointsByCampaign()).containsExactly(Map.entry("double-march", 25L));
    }
}
