package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.Programs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timelines of one order through its return window: what is pending and what is available after each step. */
class PendingPointsTest {
    private static final String PLACED = "2025-02-10T10:00:00Z";
    private static final Instant T0 = Instant.parse(PLACED);

    /** One step: at {@code at}, the order is in {@code state} (null: unchanged) and the settlement runs. */
    record Step(Duration at, Order state, long pending, long available) {
    }

    static Step step(int days, Order state, long pending, long available) {
        return new Step(Duration.ofDays(days), state, pending, available);
    }

    static Stream<Arguments> timelines() {
        Order placed = order("o1", "100.00", PLACED, OrderStatus.COMPLETED, null);
        Order refunded = order("o1", "100.00", PLACED, OrderStatus.REFUNDED, "100.00");
        Order halfRefunded = order("o1", "100.00", PLACED, OrderStatus.PARTIALLY_REFUNDED, "50.00");
        return Stream.of(
                Arguments.of("points stay pending for 14 days, then become available",
                        List.of(step(0, placed, 100, 0), step(13, null, 100, 0), step(14, null, 0, 100))),
                Arguments.of("a refund inside the return window cancels the pending points",
                        List.of(step(0, placed, 100, 0), step(5, refunded, 0, 0), step(14, null, 0, 0))),
                Arguments.of("a refund on the last day of the window still only touches pending points",
                        List.of(step(0, placed, 100, 0), step(13, halfRefunded, 50, 0), step(14, null, 0, 50))),
                Arguments.of("a refund after the window takes points back from the available balance",
                        List.of(step(0, placed, 100, 0), step(14, null, 0, 100), step(20, refunded, 0, 0))),
                Arguments.of("a partial refund after the window takes back the refunded share",
                        List.of(step(0, placed, 100, 0), step(15, halfRefunded, 0, 50))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void pending_points_timelines(String scenario, List<Step> steps) {
        EarnCalculator calculator = new EarnCalculator(Programs.sample());
        Order current = null;
        long pending = 0;
        long available = 0;
        for (Step step : steps) {
            current = step.state() == null ? current : step.state();
            EarnResult worth = calculator.earn(current, MemberContext.inTier("bronze"));
            PendingPoints.Move move = PendingPoints.settle(pending, available, worth.points(), worth.availableAt(),
                    T0.plus(step.at()));
            pending += move.pendingChange();
            available += move.availableChange();
            assertEquals(step.pending(), pending, "pending on day " + step.at().toDays());
            assertEquals(step.available(), available, "available on day " + step.at().toDays());
            assertEquals(true, PendingPoints.settle(pending, available, worth.points(), worth.availableAt(),
                    T0.plus(step.at())).isNone(), "settling twice changes nothing");
        }
    }
}
