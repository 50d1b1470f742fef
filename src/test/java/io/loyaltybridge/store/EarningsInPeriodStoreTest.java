package io.loyaltybridge.store;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leaderboard's one query on a real server: what counts as earned, the period bounds, and the cut at ties. */
class EarningsInPeriodStoreTest {
    private static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
    private static StoreFixture store;
    private static PgEarningsInPeriod earnings;
    private static int keys;

    @BeforeAll
    static void start() {
        store = new StoreFixture();
        earnings = new PgEarningsInPeriod(store.transactions);
        MemberId ann = member("Ann");
        MemberId bob = member("Bob");
        MemberId cid = member("Cid");
        MemberId dee = member("Dee");
        append(ann, Account.POINTS, 100, EntryKind.EARN, "2026-05-10T00:00:00Z");
        append(ann, Account.POINTS, -30, EntryKind.REVERSE, "2026-05-20T00:00:00Z");
        append(ann, Account.POINTS, 500, EntryKind.EARN, "2026-04-30T23:59:59Z");  // before the period
        append(ann, Account.POINTS, 500, EntryKind.EARN, "2026-06-01T00:00:00Z");  // after it (end exclusive)
        append(bob, Account.POINTS, 50, EntryKind.BONUS, "2026-05-01T00:00:00Z");  // start inclusive
        append(bob, Account.POINTS, 20, EntryKind.RELEASE, "2026-05-02T00:00:00Z");
        append(bob, Account.POINTS, 900, EntryKind.ADJUST, "2026-05-02T00:00:00Z");
        append(bob, Account.CASHBACK, 900, EntryKind.EARN, "2026-05-02T00:00:00Z");
        append(cid, Account.POINTS, 70, EntryKind.EARN, "2026-05-03T00:00:00Z");
        append(cid, Account.POINTS, -70, EntryKind.REDEEM, "2026-05-04T00:00:00Z");
        append(dee, Account.POINTS, 10, EntryKind.EARN, "2026-05-05T00:00:00Z");
    }

    private static MemberId member(String firstName) {
        return store.transactions.inTransaction(() -> store.members.createOrGetByEmail(new NewMember(
                new Email(firstName.toLowerCase() + "@example.com"), firstName, "Surname", null, Consent.NONE))).id();
    }

    private static void append(MemberId member, Account account, long points, EntryKind kind, String at) {
        String key = "lb-" + (++keys);
        store.transactions.inTransaction(() -> store.ledger.append(new NewEntry(member, account, points, kind, "test",
                new EntrySource("test", key), "v1", Instant.parse(at), key, null)));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static List<String> top(int size) {
        return store.transactions.read(() -> earnings.top(FROM, UNTIL, size)).stream()
                .map(e -> e.firstName() + " " + e.points()).toList();
    }

    @Test
    void earned_points_are_earn_bonus_and_release_minus_reversals_on_the_points_account_within_the_period() {
        assertThat(top(10)).as("adjustments, cashback and spending do not count; Cid spent but still earned 70")
                .containsExactly("Ann 70", "Bob 70", "Cid 70", "Dee 10");
    }

    @Test
    void the_cut_at_the_size_keeps_every_member_tied_with_the_last_one() {
        assertThat(top(1)).containsExactly("Ann 70", "Bob 70", "Cid 70");
        assertThat(top(3)).hasSize(3);
        assertThat(top(4)).hasSize(4);
    }

    @Test
    void members_with_nothing_earned_in_the_period_are_left_out() {
        member("Eve");
        assertThat(top(10)).noneMatch(line -> line.startsWith("Eve"));
        assertThat(store.transactions.read(() -> earnings.top(UNTIL.plusSeconds(86_400 * 40), UNTIL.plusSeconds(
                86_400 * 70), 10))).isEmpty();
    }
}
