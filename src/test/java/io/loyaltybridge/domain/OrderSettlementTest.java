package io.loyaltybridge.domain;

import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.FlatEarnPolicy;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.ledger.OrderSettlement;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.order.StoredOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrderSettlementTest {
    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");
    private final FlatEarnPolicy flat = new FlatEarnPolicy();

    static Order order(String total, OrderStatus status, String refunded) {
        return new Order(new OrderKey("shop", "A-1"), new MemberId(7), new BigDecimal(total), new CurrencyCode("EUR"),
                PLACED, status, new BigDecimal(refunded), List.of());
    }

    @ParameterizedTest(name = "{0} {1} (refunded {2}) is worth {3} points")
    @CsvSource({
            "120.99, COMPLETED, 0, 120",
            "0.99, COMPLETED, 0, 0",
            "100, PARTIALLY_REFUNDED, 30, 70",
            "100.50, PARTIALLY_REFUNDED, 0.75, 99",
            "100, CANCELLED, 0, 0",
            "100, REFUNDED, 100, 0",
    })
    void the_flat_rule_earns_one_point_per_whole_unit_kept(String total, OrderStatus status, String refunded,
                                                            long points) {
        assertThat(flat.pointsFor(order(total, status, refunded))).isEqualTo(points);
    }

    @Test
    void a_first_report_earns_from_the_time_of_purchase() {
        NewEntry entry = OrderSettlement.settle(new StoredOrder(3, order("50", OrderStatus.COMPLETED, "0"), 1), 0,
                flat, NOW).orElseThrow();
        assertThat(entry.points()).isEqualTo(50);
        assertThat(entry.kind()).isEqualTo(EntryKind.EARN);
        assertThat(entry.effectiveAt()).isEqualTo(PLACED);
        assertThat(entry.operationKey()).isEqualTo("order:3:r1");
        assertThat(entry.ruleVersion()).isEqualTo(FlatEarnPolicy.VERSION);
        assertThat(entry.reason()).contains("A-1").contains("50 points");
    }

    @Test
    void a_partial_refund_takes_back_only_the_refunded_share_from_now() {
        NewEntry entry = OrderSettlement.settle(new StoredOrder(3, order("100", OrderStatus.PARTIALLY_REFUNDED, "30"), 2),
                100, flat, NOW).orElseThrow();
        assertThat(entry.points()).isEqualTo(-30);
        assertThat(entry.kind()).isEqualTo(EntryKind.REVERSE);
        assertThat(entry.effectiveAt()).isEqualTo(NOW);
        assertThat(entry.operationKey()).isEqualTo("order:3:r2");
        assertThat(entry.reason()).contains("30 of 100 EUR refunded");
    }

    @Test
    void a_cancellation_after_a_partial_refund_takes_back_the_rest() {
        Optional<NewEntry> entry = OrderSettlement.settle(
                new StoredOrder(3, order("100", OrderStatus.CANCELLED, "0"), 3), 70, flat, NOW);
        assertThat(entry).map(NewEntry::points).contains(-70L);
    }

    @Test
    void an_order_already_credited_in_full_writes_nothing() {
        assertThat(OrderSettlement.settle(new StoredOrder(3, order("100", OrderStatus.COMPLETED, "0"), 2), 100, flat,
                NOW)).isEmpty();
    }
}
