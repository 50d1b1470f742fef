package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM-agnostic sync engine on real PostgreSQL: identities, cursors, outbox, diff, dead letters. */
class SyncEngineTest {
    private static final String CRM = "testcrm";
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.MEMBER_ID, "Member_Id",
            ProfileAttribute.POINTS, "Points", ProfileAttribute.TIER, "Tier", ProfileAttribute.UPDATED_AT, "Updated"));

    private StoreFixture store;
    private SyncStores stores;
    private ContactIngest contacts;
    private OrderIngest orders;
    private OutboxPusher pusher;
    private InMemoryCrm crm;

    @BeforeEach
    void start() {
        store = new StoreFixture();
        stores = SyncStores.open(store.transactions);
        orders = new OrderIngest(store.transactions, stores, store.ledgerService);
        contacts = new ContactIngest(store.transactions, stores, Map.of(CRM, FIELDS), orders);
        pusher = new OutboxPusher(store.transactions, store.core.profiles(), stores.deadLetters(),
                stores.sources(), Clock.systemUTC());
        crm = new InMemoryCrm(200);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static InboundContact contact(String id, String email, Instant modified) {
        return new InboundContact(CRM, id, email, "First " + id, "Last", null, null, false, modified, Map.of());
    }

    static InboundOrder order(String id, String contact, String total, OrderStatus status, Instant modified) {
        return new InboundOrder(CRM, id, contact, new BigDecimal(total), "EUR", T0, status, BigDecimal.ZERO, List.of(),
                modified);
    }

    private MemberId memberOf(String email) {
        return store.memberService.byEmail(new Email(email)).orElseThrow().member().id();
    }

    private void pushAll() {
        while (pusher.pushOnce(crm, FIELDS).members() > 0) {
            // until the outbox is drained
        }
    }

    @Test
    void a_contact_becomes_a_member_once_and_an_older_or_equal_copy_is_skipped() {
        IngestReport first = contacts.apply(List.of(contact("C1", "c1@example.com", T0)), null);
        IngestReport same = contacts.apply(List.of(contact("C1", "c1@example.com", T0)), null);
        IngestReport older = contacts.apply(List.of(contact("C1", "c1@example.com", T0.minusSeconds(5))), null);
        assertThat(first.taken()).isEqualTo(1);
        assertThat(same.skipped()).isEqualTo(1);
        assertThat(older.skipped()).isEqualTo(1);
        var member = store.memberService.byEmail(new Email("c1@example.com")).orElseThrow().member();
        assertThat(member.firstName()).isEqualTo("First C1");
        assertThat(member.identities()).extracting(i -> i.externalId()).containsExactly("C1");
    }

    @Test
    void a_second_crm_contact_with_a_known_email_joins_the_same_member() {
        contacts.apply(List.of(contact("C1", "same@example.com", T0)), null);
        contacts.apply(List.of(new InboundContact("othercrm", "H9", "SAME@example.com", "Sam", null, null, true, false,
                T0, Map.of())), null);
        var member = store.memberService.byEmail(new Email("same@example.com")).orElseThrow().member();
        assertThat(member.identities()).hasSize(2);
        assertThat(member.consent().marketing()).isTrue();
    }

    @Test
    void an_order_of_an_unknown_contact_waits_as_a_dead_letter_and_goes_through_when_the_contact_arrives() {
        IngestReport early = orders.apply(List.of(order("O1", "C7", "80", OrderStatus.COMPLETED, T0)), null);
        assertThat(early.deadLettered()).isEqualTo(1);
        assertThat(store.transactions.read(() -> stores.deadLetters().list("open", 10)))
                .singleElement().satisfies(l -> {
                    assertThat(l.errorCode()).isEqualTo("unknown_contact");
                    assertThat(l.waitingFor()).isEqualTo("testcrm:contact:C7");
                });
        contacts.apply(List.of(contact("C7", "c7@example.com", T0)), null);
        assertThat(store.memberService.profile(memberOf("c7@example.com")).points().available()).isEqualTo(80);
        assertThat(store.transactions.read(() -> stores.deadLetters().list("open", 10))).isEmpty();
    }

    @Test
    void a_bad_record_is_dead_lettered_alone_and_the_batch_and_its_cursor_commit() {
        contacts.apply(List.of(contact("C2", "c2@example.com", T0)), null);
        InboundOrder bad = new InboundOrder(CRM, "O-BAD", "C2", new BigDecimal("10"), "ZZZ", T0, OrderStatus.COMPLETED,
                null, List.of(), T0);
        IngestReport report = orders.apply(List.of(order("O2", "C2", "10", OrderStatus.COMPLETED, T0), bad,
                order("O3", "C2", "5", OrderStatus.COMPLETED, T0)), new SourceCursor(CRM, "order", T0));
        assertThat(report).isEqualTo(new IngestReport(2, 0, 1));
        assertThat(store.memberService.profile(memberOf("c2@example.com")).points().available()).isEqualTo(15);
        assertThat(store.transactions.read(() -> stores.sources().get(CRM, "order")).orElseThrow().watermark())
                .isEqualTo(T0);
        PgDeadLetters.DeadLetter letter = store.transactions.read(() -> stores.deadLetters().list("open", 10)).get(0);
        assertThat(letter.errorCode()).isEqualTo("invalid_record");
        assertThat(letter.error()).contains("currency");
        assertThat(letter.payload()).contains("O-BAD");
    }

    @Test
    void the_outbox_pushes_only_changed_fields_in_the_fewest_calls_and_nothing_when_nothing_changed() {
        List<InboundContact> batch = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            batch.add(contact("C" + i, "m" + i + "@example.com", T0));
        }
        contacts.apply(batch, null);
        pushAll();
        assertThat(crm.callSizes).containsExactly(200, 200, 50);
        assertThat(crm.contacts.get("C5")).containsEntry("Points", "0").containsKey("Member_Id").containsKey("Updated");

        crm.callSizes.clear();
        contacts.apply(List.of(contact("C5", "m5@example.com", T0.plusSeconds(1))), null);
        pushAll();
        assertThat(crm.callSizes).as("a re-read contact whose fields are right costs no call").isEmpty();

        orders.apply(List.of(order("O5", "C5", "42", OrderStatus.COMPLETED, T0)), null);
        pushAll();
        assertThat(crm.callSizes).containsExactly(1);
        assertThat(crm.contacts.get("C5")).containsEntry("Points", "42");
    }

    @Test
    void a_crm_already_showing_the_right_values_gets_no_write() {
        contacts.apply(List.of(new InboundContact(CRM, "C1", "ok@example.com", null, null, null, null, false, T0,
                Map.of("Points", "0.0", "Member_Id", "1", "Tier", "member"))), null);
        pushAll();
        assertThat(crm.callSizes).isEmpty();
    }

    @Test
    void a_refused_record_is_dead_lettered_alone_and_a_failed_call_is_retried_not_dead_lettered() throws Exception {
        contacts.apply(List.of(contact("C1", "a@example.com", T0), contact("C2", "b@example.com", T0)), null);
        crm.refused.add("C1");
        crm.failWholeCalls = 1;
        OutboxPusher.Round failed = pusher.pushOnce(crm, FIELDS);
        assertThat(failed.failed()).isEqualTo(2);
        assertThat(store.transactions.read(() -> stores.deadLetters().list("open", 10))).isEmpty();
        assertThat(store.transactions.read(() -> stores.outbox().depth(CRM))).isEqualTo(2);
        assertThat(pusher.pushOnce(crm, FIELDS).members()).as("backing off, not spinning").isZero();

        expireLeases();
        OutboxPusher.Round second = pusher.pushOnce(crm, FIELDS);
        assertThat(second.pushed()).isEqualTo(1);
        assertThat(crm.contacts).containsKey("C2").doesNotContainKey("C1");
        assertThat(store.transactions.read(() -> stores.deadLetters().list("open", 10)))
                .singleElement().satisfies(l -> {
                    assertThat(l.direction()).isEqualTo("outbound");
                    assertThat(l.recordId()).isEqualTo("C1");
                    assertThat(l.errorCode()).isEqualTo("INVALID_FIELD");
                });
        assertThat(store.transactions.read(() -> stores.outbox().depth(CRM))).isZero();

        crm.refused.clear();
        long letter = store.transactions.read(() -> stores.deadLetters().list("open", 10)).get(0).id();
        var replay = new DeadLetterReplay(store.transactions, stores, contacts, orders).replay(letter);
        assertThat(replay.replayed()).isTrue();
        pushAll();
        assertThat(crm.contacts).containsKey("C1");
    }

    @Test
    void a_change_made_while_a_member_is_being_pushed_is_pushed_again() {
        contacts.apply(List.of(contact("C1", "race@example.com", T0)), null);
        var items = store.transactions.inTransaction(() -> stores.outbox().lease(CRM, 10, 60));
        orders.apply(List.of(order("O1", "C1", "9", OrderStatus.COMPLETED, T0)), null);
        store.transactions.inTransaction(() -> {
            stores.outbox().complete(CRM, items.get(0));
            return null;
        });
        assertThat(store.transactions.read(() -> stores.outbox().depth(CRM))).isEqualTo(1);
        pushAll();
        assertThat(crm.contacts.get("C1")).containsEntry("Points", "9");
    }

    @Test
    void a_deleted_contact_is_no_longer_pushed_to() {
        contacts.apply(List.of(contact("C1", "gone@example.com", T0)), null);
        pushAll();
        crm.callSizes.clear();
        contacts.apply(List.of(new InboundContact(CRM, "C1", null, null, null, null, null, true, T0.plusSeconds(9),
                Map.of())), null);
        orders.apply(List.of(order("O1", "C1", "9", OrderStatus.COMPLETED, T0)), null);
        pushAll();
        assertThat(crm.callSizes).isEmpty();
    }

    private void expireLeases() throws Exception {
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE crm_outbox SET lease_until = now() - interval '1 second'");
        }
    }
}
