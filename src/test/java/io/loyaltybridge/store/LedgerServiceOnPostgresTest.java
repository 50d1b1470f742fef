package io.loyaltybridge.store;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.OrderOutcome;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's use cases end to end on PostgreSQL: what an order, a refund or a redemption leaves behind. */
class LedgerServiceOnPostgresTest {
    private static StoreFixture store;

    @BeforeAll
    static void start() {
        store = new StoreFixture();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static OrderSubmission order(MemberRef member, String id, String total, OrderStatus status, String refunded) {
        return new OrderSubmission(member, new OrderKey("shop", id), new BigDecimal(total), new CurrencyCode("EUR"),
                Instant.parse("2026-02-01T09:00:00Z"), status, new BigDecimal(refunded),
                List.of(new OrderLine("SKU-1", "shoes", 1, new BigDecimal(total))));
    }

    private static MemberRef byEmail(String email) {
        return MemberRef.byEmail(new Email(email));
    }

    @Test
    void an_order_goes_through_its_life_and_the_ledger_keeps_only_the_differences() {
        MemberRef ann = byEmail("life@example.com");
        OrderOutcome placed = store.ledgerService.submitOrder(order(ann, "L-1", "200.00", OrderStatus.COMPLETED, "0"));
        OrderOutcome again = store.ledgerService.submitOrder(order(ann, "L-1", "200", OrderStatus.COMPLETED, "0"));
        OrderOutcome partly = store.ledgerService.submitOrder(order(ann, "L-1", "200", OrderStatus.PARTIALLY_REFUNDED, "50"));
        OrderOutcome cancelled = store.ledgerService.submitOrder(order(ann, "L-1", "200", OrderStatus.CANCELLED, "0"));

        assertThat(placed.created()).isTrue();
        assertThat(placed.entries()).extracting(LedgerEntry::points).containsExactly(200L);
        assertThat(again.changed()).isFalse();
        assertThat(again.entries()).isEmpty();
        assertThat(partly.entries()).extracting(LedgerEntry::points).containsExactly(-50L);
        assertThat(cancelled.entries()).extracting(LedgerEntry::points).containsExactly(-150L);
        assertThat(cancelled.entries()).extracting(LedgerEntry::kind).containsExactly(EntryKind.REVERSE);
        assertThat(store.transactions.read(() -> store.ledger.forOrder(placed.order().id())))
                .extracting(LedgerEntry::points).containsExactly(200L, -50L, -150L);
        MemberId id = placed.order().order().member();
        assertThat(store.memberService.profile(id).points().available()).isZero();
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void an_order_can_point_at_its_member_by_crm_identity_and_links_it() {
        CrmIdentity hs = new CrmIdentity("hubspot", "501");
        MemberRef ref = new MemberRef(null, hs, new Email("linked@example.com"),
                NewMember.withEmail(new Email("linked@example.com")));
        OrderOutcome first = store.ledgerService.submitOrder(order(ref, "C-1", "10", OrderStatus.COMPLETED, "0"));
        MemberRef byIdentityOnly = new MemberRef(null, hs, null, null);
        OrderOutcome second = store.ledgerService.submitOrder(order(byIdentityOnly, "C-2", "5", OrderStatus.COMPLETED, "0"));
        assertThat(second.order().order().member()).isEqualTo(first.order().order().member());
        assertThat(store.memberService.profile(first.order().order().member()).member().identities()).containsExactly(hs);
    }

    @Test
    void an_unknown_member_reference_without_an_email_is_invalid_input_and_writes_nothing() {
        MemberRef ghost = new MemberRef(null, new CrmIdentity("hubspot", "ghost"), null, null);
        assertThatThrownBy(() -> store.ledgerService.submitOrder(order(ghost, "G-1", "10", OrderStatus.COMPLETED, "0")))
                .isInstanceOf(InvalidInput.class);
        assertThat(store.transactions.read(() -> store.orders.byKey(new OrderKey("shop", "G-1")))).isEmpty();
    }

    @Test
    void the_same_order_key_cannot_move_to_another_member() {
        store.ledgerService.submitOrder(order(byEmail("owner@example.com"), "M-1", "10", OrderStatus.COMPLETED, "0"));
        assertThatThrownBy(() -> store.ledgerService.submitOrder(
                order(byEmail("thief@example.com"), "M-1", "10", OrderStatus.COMPLETED, "0")))
                .isInstanceOf(Conflict.class).hasMessageContaining("belongs to member");
    }

    @Test
    void a_redemption_key_used_twice_redeems_once_and_a_reused_key_with_other_points_is_refused() {
        OrderOutcome earned = store.ledgerService.submitOrder(order(byEmail("redeem@example.com"), "R-1", "100",
                OrderStatus.COMPLETED, "0"));
        MemberId id = earned.order().order().member();
        var first = store.ledgerService.redeem(id, new PointsRequest(30, "voucher", "key-1", "test"));
        var again = store.ledgerService.redeem(id, new PointsRequest(30, "voucher", "key-1", "test"));
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.entry().id()).isEqualTo(first.entry().id());
        assertThatThrownBy(() -> store.ledgerService.redeem(id, new PointsRequest(31, "voucher", "key-1", "test")))
                .isInstanceOf(Conflict.class).extracting(e -> ((Conflict) e).code()).isEqualTo("idempotency_key_reused");
        assertThatThrownBy(() -> store.ledgerService.redeem(id, new PointsRequest(71, "too much", "key-2", "test")))
                .isInstanceOf(Conflict.class).extracting(e -> ((Conflict) e).code()).isEqualTo("insufficient_balance");
        assertThat(store.memberService.profile(id).points().available()).isEqualTo(70);
    }

    @Test
    void an_adjustment_may_add_but_may_not_take_below_zero() {
        OrderOutcome earned = store.ledgerService.submitOrder(order(byEmail("adjust@example.com"), "A-1", "10",
                OrderStatus.COMPLETED, "0"));
        MemberId id = earned.order().order().member();
        store.ledgerService.adjust(id, new PointsRequest(15, "goodwill", "adj-1", "test"));
        assertThatThrownBy(() -> store.ledgerService.adjust(id, new PointsRequest(-26, "fix", "adj-2", "test")))
                .isInstanceOf(Conflict.class);
        store.ledgerService.adjust(id, new PointsRequest(-25, "fix", "adj-3", "test"));
        var profile = store.memberService.profile(id).points();
        assertThat(profile.available()).isZero();
        assertThat(profile.lifetime()).as("the order's 10; adjustments are not earning").isEqualTo(10);
    }

    @Test
    void a_new_member_can_be_created_once_per_email() {
        var created = store.memberService.create(new NewMember(new Email("new@example.com"), "New", "Member", null,
                io.loyaltybridge.domain.member.Consent.NONE));
        assertThat(created.member().firstName()).isEqualTo("New");
        assertThat(store.memberService.byEmail(new Email("NEW@example.com"))).isPresent();
        assertThatThrownBy(() -> store.memberService.create(NewMember.withEmail(new Email("new@example.com"))))
                .isInstanceOf(Conflict.class);
    }
}
