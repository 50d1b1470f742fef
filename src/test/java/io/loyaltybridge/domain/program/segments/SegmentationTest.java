package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Programs;
import io.loyaltybridge.domain.program.earning.OrderFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.PARIS;
import static io.loyaltybridge.domain.program.Programs.completed;
import static io.loyaltybridge.domain.program.Programs.day;
import static io.loyaltybridge.domain.program.Programs.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SegmentationTest {
    private static final LocalDate TODAY = day("2025-06-30");

    @ParameterizedTest(name = "R{0} F{1} M{2} is {3}")
    @CsvSource({
            "5,5,5,champions", "4,4,3,champions", "3,5,4,loyal", "2,5,5,cant-lose", "1,5,5,cant-lose",
            "2,3,4,at-risk", "1,3,3,at-risk", "5,1,1,new",
            "4,1,2,potential-loyalist", "3,1,1,potential-loyalist", "5,3,2,potential-loyalist",
            "2,2,1,hibernating", "2,1,2,hibernating", "1,1,1,lost", "1,2,2,lost"})
    void the_rfm_table_maps_every_score(int r, int f, int m, String segment) {
        assertEquals(segment, RfmSegments.segmentOf(new RfmScore(r, f, m)));
    }

    @Test
    void the_rfm_table_covers_all_125_scores_with_the_eight_segments() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertThat(RfmSegments.ALL).contains(RfmSegments.segmentOf(new RfmScore(r, f, m)));
                }
            }
        }
    }

    /** A member whose {@code count} orders of {@code amount} each are {@code gapDays} apart, the last on {@code last}. */
    static MemberStats member(long id, String last, int count, int gapDays, String amount, String tier) {
        List<OrderFact> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(OrderFact.of(day(last).minusDays((long) i * gapDays), amount));
        }
        return MemberStats.of(new MemberId(id), TODAY, day("2023-01-01"), history, 0, tier);
    }

    @Test
    void scores_are_quintiles_of_the_population_and_equal_values_score_the_same() {
        List<MemberStats> population = List.of(
                member(1, "2025-06-29", 10, 10, "100", "gold"),
                member(2, "2025-06-20", 8, 10, "80", "silver"),
                member(3, "2025-05-01", 5, 20, "30", "bronze"),
                member(4, "2025-01-01", 3, 30, "50", "bronze"),
                member(5, "2024-06-01", 1, 0, "10", "bronze"),
                MemberStats.of(new MemberId(6), TODAY, day("2025-06-01"), List.of(), 0, "bronze"));
        Map<MemberId, MemberSegments> segments = new Segmentation(Segments.defaults()).assign(population);
        assertEquals(new RfmScore(5, 5, 5), segments.get(new MemberId(1)).rfm());
        assertEquals(new RfmScore(4, 4, 4), segments.get(new MemberId(2)).rfm());
        assertEquals(new RfmScore(3, 3, 2), segments.get(new MemberId(3)).rfm()); // 150 spent, like member 4
        assertEquals(new RfmScore(2, 2, 2), segments.get(new MemberId(4)).rfm());
        assertThat(segments.get(new MemberId(3)).rfmSegment()).isEqualTo("potential-loyalist");
        assertEquals(new RfmScore(1, 1, 1), segments.get(new MemberId(5)).rfm());
        assertThat(segments.get(new MemberId(1)).segments()).containsExactly("champions");
        assertThat(segments.get(new MemberId(4)).rfmSegment()).isEqualTo("hibernating");
        assertThat(segments.get(new MemberId(5)).rfmSegment()).isEqualTo("lost");
        assertNull(segments.get(new MemberId(6)).rfm(), "a member without orders is not scored");
        assertThat(segments.get(new MemberId(6)).segments()).isEmpty();
    }

    static Stream<Arguments> churn() {
        return Stream.of(
                Arguments.of("an order every 10 days, last one 14 days ago: low", member(1, "2025-06-16", 4, 10,
                        "10", "bronze"), ChurnRisk.Level.LOW),
                Arguments.of("an order every 10 days, last one 15 days ago: medium", member(1, "2025-06-15", 4, 10,
                        "10", "bronze"), ChurnRisk.Level.MEDIUM),
                Arguments.of("an order every 10 days, last one 30 days ago: high", member(1, "2025-05-31", 4, 10,
                        "10", "bronze"), ChurnRisk.Level.HIGH),
                Arguments.of("an order every 90 days, last one 60 days ago: low", member(1, "2025-05-01", 3, 90,
                        "10", "bronze"), ChurnRisk.Level.LOW),
                Arguments.of("a single order gives no rhythm: unknown", member(1, "2025-05-01", 1, 0, "10",
                        "bronze"), ChurnRisk.Level.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("churn")
    void churn_risk_compares_silence_with_the_members_own_rhythm(String scenario, MemberStats stats,
                                                                ChurnRisk.Level level) {
        assertEquals(level, ChurnRisk.of(stats, Segments.defaults()).level());
    }

    @Test
    void the_preferred_category_is_where_most_was_kept() {
        Order mixed = completed("100.00", "2025-06-01T10:00:00Z", line("S", "shoes", 1, "60.00"),
                line("T", "tees", 2, "20.00"));
        Order tees = completed("50.00", "2025-06-02T10:00:00Z", line("T", "tees", 1, "50.00"));
        MemberStats stats = MemberStats.of(new MemberId(1), TODAY, day("2024-01-01"),
                List.of(OrderFact.of(mixed, PARIS), OrderFact.of(tees, PARIS)), 0, "bronze");
        assertEquals("tees", stats.preferredCategory()); // 90 on tees against 60 on shoes
        MemberStats tie = MemberStats.of(new MemberId(1), TODAY, day("2024-01-01"),
                List.of(new OrderFact(TODAY, new BigDecimal("20"), Map.of("shoes", BigDecimal.TEN,
                        "bags", BigDecimal.TEN))), 0, "bronze");
        assertEquals("bags", tie.preferredCategory());
    }

    @Test
    void custom_segments_hold_when_all_their_conditions_hold_and_members_can_be_in_several() {
        CustomSegment quietBigSpenders = new CustomSegment("quiet-big-spenders", List.of(
                new CustomSegment.Condition("spend", CustomSegment.Operator.GE, List.of("1000")),
                new CustomSegment.Condition("daysSinceLastOrder", CustomSegment.Operator.GT, List.of("60"))));
        CustomSegment upper = new CustomSegment("upper-tiers", List.of(
                new CustomSegment.Condition("tier", CustomSegment.Operator.IN, List.of("gold", "vip"))));
        CustomSegment champions = new CustomSegment("top-champions", List.of(
                new CustomSegment.Condition("rfmSegment", CustomSegment.Operator.EQ, List.of("champions"))));
        Segments rules = new Segments(new BigDecimal("1.5"), new BigDecimal("3"),
                List.of(quietBigSpenders, upper, champions));
        MemberStats quiet = member(1, "2025-04-29", 2, 10, "500", "gold"); // 1000 spent, 62 days ago
        MemberStats justUnder = member(2, "2025-05-01", 2, 10, "500", "gold"); // 60 days: not more than 60
        MemberStats active = member(3, "2025-06-29", 20, 5, "100", "silver");
        Map<MemberId, MemberSegments> result = new Segmentation(rules).assign(List.of(quiet, justUnder, active));
        assertThat(result.get(new MemberId(1)).segments()).contains("quiet-big-spenders", "upper-tiers");
        assertThat(result.get(new MemberId(2)).segments()).contains("upper-tiers")
                .doesNotContain("quiet-big-spenders");
        assertThat(result.get(new MemberId(3)).segments()).containsExactlyInAnyOrder("champions",
                "top-champions");
    }
}
