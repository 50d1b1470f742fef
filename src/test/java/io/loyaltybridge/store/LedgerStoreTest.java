package io.loyaltybridge.store;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL adapters against a real server: append-only, idempotent, balances that add up. */
class LedgerStoreTest {
    private static StoreFixture store;

    @BeforeAll
    static void start() {
        store = new StoreFixture();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private Member member(String email) {
        return store.transactions.inTransaction(() -> store.members.createOrGetByEmail(NewMember.withEmail(new Email(email))));
    }

    private NewEntry entry(Member m, long points, EntryKind kind, String key) {
        return new NewEntry(m.id(), Account.POINTS, points, kind, "test", new EntrySource("test", key), "v1",
                Instant.parse("2026-01-01T00:00:00Z"), key, null);
    }

    @Test
    void appending_an_operation_key_twice_writes_one_entry_and_moves_the_balance_once() {
        Member m = member("twice@example.com");
        Optional<LedgerEntry> first = store.transactions.inTransaction(() -> store.ledger.append(entry(m, 40, EntryKind.EARN, "k-twice")));
        Optional<LedgerEntry> second = store.transactions.inTransaction(() -> store.ledger.append(entry(m, 40, EntryKind.EARN, "k-twice")));
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(store.transactions.read(() -> store.ledger.balance(m.id(), Account.POINTS))).isEqualTo(new Balance(40, 40));
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void spending_lowers_the_balance_but_not_the_lifetime_points() {
        Member m = member("spend@example.com");
        store.transactions.inTransaction(() -> store.ledger.append(entry(m, 100, EntryKind.EARN, "k-spend-1")));
        store.transactions.inTransaction(() -> store.ledger.append(entry(m, -30, EntryKind.REDEEM, "k-spend-2")));
        store.transactions.inTransaction(() -> store.ledger.append(entry(m, -10, EntryKind.REVERSE, "k-spend-3")));
        assertThat(store.transactions.read(() -> store.ledger.balance(m.id(), Account.POINTS))).isEqualTo(new Balance(60, 90));
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_ledger_entries() throws SQLException {
        Member m = member("history@example.com");
        store.transactions.inTransaction(() -> store.ledger.append(entry(m, 5, EntryKind.EARN, "k-history")));
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE ledger_entries SET points = 500"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM ledger_entries"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE ledger_entries CASCADE"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.transactions.read(() -> store.ledger.byOperationKey("k-history"))).map(LedgerEntry::points).contains(5L);
    }

    @Test
    void a_tampered_stored_balance_is_found_by_the_check() throws SQLException {
        Member m = member("tamper@example.com");
        store.transactions.inTransaction(() -> store.ledger.append(entry(m, 12, EntryKind.EARN, "k-tamper")));
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE member_balances SET available = available + 1 WHERE member_id = " + m.id());
            assertThat(store.check.mismatches()).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.memberId()).isEqualTo(m.id().value());
                assertThat(mismatch.storedAvailable()).isEqualTo(13);
                assertThat(mismatch.entriesAvailable()).isEqualTo(12);
            });
            s.executeUpdate("UPDATE member_balances SET available = available - 1 WHERE member_id = " + m.id());
        }
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void emails_are_unique_whatever_their_case() {
        Member first = member("Case@Example.com");
        Member again = member("case@EXAMPLE.com");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.email().value()).isEqualTo("Case@Example.com");
        assertThatThrownBy(() -> store.transactions.inTransaction(() ->
                store.members.create(NewMember.withEmail(new Email("CASE@example.com")))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void a_crm_identity_belongs_to_one_member_only() {
        Member ann = member("ann.identity@example.com");
        Member bob = member("bob.identity@example.com");
        CrmIdentity sf = new CrmIdentity("salesforce", "003000000000001");
        store.transactions.inTransaction(() -> {
            store.members.link(ann.id(), sf);
            store.members.link(ann.id(), sf);
            return null;
        });
        assertThatThrownBy(() -> store.transactions.inTransaction(() -> {
            store.members.link(bob.id(), sf);
            return null;
        })).isInstanceOf(Conflict.class).hasMessageContaining("already belongs");
        assertThat(store.transactions.read(() -> store.members.byIdentity(sf))).map(Member::id).contains(ann.id());
        assertThat(store.transactions.read(() -> store.members.byId(ann.id())).orElseThrow().identities())
                .containsExactly(sf);
    }

    @Test
    void work_that_fails_rolls_back_everything_it_wrote() {
        Member m = member("rollback@example.com");
        assertThatThrownBy(() -> store.transactions.inTransaction(() -> {
            store.ledger.append(entry(m, 77, EntryKind.EARN, "k-rollback"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.transactions.read(() -> store.ledger.byOperationKey("k-rollback"))).isEmpty();
        assertThat(store.transactions.read(() -> store.ledger.balance(m.id(), Account.POINTS))).isEqualTo(Balance.ZERO);
    }
}
