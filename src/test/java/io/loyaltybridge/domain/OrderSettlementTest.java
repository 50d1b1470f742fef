package io.loyaltybridge.domain;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.ledger.OrderSettlement;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.earning.EarnResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How an order's worth becomes ledger entries: pending, release, refunds, cashback — only differences. */
class OrderSettlementTest {
    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant INSIDE = Instant.parse("2026-03-05T08:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-03-20T08:00:00Z");

    static StoredOrder order(OrderStatus status, String refunded, int revision) {
        return new StoredOrder(3, new Order(new OrderKey("shop", "A-1"), new MemberId(7), new BigDecimal("100"),
                new CurrencyCode("EUR"), PLACED, status, new BigDecimal(refunded), List.of()), revision);
    }

    static EarnResult worth(long points, long cashback) {
        return new EarnResult(points, List.of(), cashback, WINDOW_END);
    }

    @Test
    void a_new_order_inside_its_return_window_credits_pending_points_and_cashback_keyed_by_revision() {
        List<NewEntry> entries = OrderSettlement.settle(order(OrderStatus.COMPLETED, "0", 1), Map.of(),
                worth(100, 150), "v1", INSIDE, "r1");
        assertThat(entries).extracting(NewEntry::account, NewEntry::points, NewEntry::kind, NewEntry::operationKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Account.PENDING, 100L, EntryKind.EARN, "order:3:r1:pending"),
                        org.assertj.core.groups.Tuple.tuple(Account.PENDING_CASHBACK, 150L, EntryKind.EARN,
                                "order:3:r1:pending_cashback"));
        assertThat(entries.get(0).effectiveAt()).isEqualTo(PLACED);
        assertThat(entries.get(0).reason()).contains("pending until");
    }

    @Test
    void a_refund_inside_the_window_cancels_only_the_refunded_share_of_the_pending_points() {
        List<NewEntry> entries = OrderSettlement.settle(order(OrderStatus.PARTIALLY_REFUNDED, "30", 2),
                Map.of(Account.PENDING, 100L, Account.PENDING_CASHBACK, 150L), worth(70, 105), "v1", INSIDE, "r2");
        assertThat(entries).extracting(NewEntry::account, NewEntry::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Account.PENDING, -30L),
                org.assertj.core.groups.Tuple.tuple(Account.PENDING_CASHBACK, -45L));
        assertThat(entries).allSatisfy(e -> assertThat(e.kind()).isEqualTo(EntryKind.REVERSE));
        assertThat(entries.get(0).effectiveAt()).isEqualTo(INSIDE);
    }

    @Test
    void a_refund_after_the_release_takes_the_share_back_from_available_points() {
        List<NewEntry> entries = OrderSettlement.settle(order(OrderStatus.CANCELLED, "0", 3),
                Map.of(Account.POINTS, 100L), worth(0, 0), "v1", AFTER, "r3");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo(Account.POINTS);
            assertThat(e.points()).isEqualTo(-100);
            assertThat(e.reason()).contains("cancelled");
        });
    }

    @Test
    void the_release_moves_exactly_what_is_pending_of_points_and_cashback_as_keyed_pairs() {
        List<NewEntry> entries = OrderSettlement.release(order(OrderStatus.COMPLETED, "0", 1), 100, 150, "v1",
                AFTER, "r1:release");
        assertThat(entries).extracting(NewEntry::account, NewEntry::points, NewEntry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Account.PENDING, -100L, EntryKind.RELEASE),
                org.assertj.core.groups.Tuple.tuple(Account.POINTS, 100L, EntryKind.RELEASE),
                org.assertj.core.groups.Tuple.tuple(Account.PENDING_CASHBACK, -150L, EntryKind.RELEASE),
                org.assertj.core.groups.Tuple.tuple(Account.CASHBACK, 150L, EntryKind.RELEASE));
        assertThat(entries).extracting(NewEntry::operationKey)
                .containsExactly("order:3:r1:release:pending", "order:3:r1:release:points",
                        "order:3:r1:release:pending_cashback", "order:3:r1:release:cashback");
    }

    @Test
    void an_order_already_credited_what_it_is_worth_writes_nothing() {
        assertThat(OrderSettlement.settle(order(OrderStatus.COMPLETED, "0", 2),
                Map.of(Account.PENDING, 100L, Account.PENDING_CASHBACK, 150L), worth(100, 150), "v1", INSIDE, "r2"))
                .isEmpty();
    }
}
