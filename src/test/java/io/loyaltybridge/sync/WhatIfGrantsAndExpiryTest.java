package io.loyaltybridge.sync;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.TierGrantService;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.Figures;
import io.loyaltybridge.domain.whatif.WhatIf;
import io.loyaltybridge.domain.whatif.WhatIfResult;
import io.loyaltybridge.store.PgWhatIfHistory;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if replays staff tier grants with their dates and the expiry job. A live history (generated CRM orders)
 * gets three grants — one still in force, one revoked after a while, one with a last day ahead — dated inside the
 * history, and its expiry job has run. The oracle is the real change made on a copy: the stored orders are taken in
 * by the normal path in time order, each grant given and revoked by the staff service at its moment between them,
 * then the expiry job runs; under the program in force and under a candidate with a shorter expiry and other
 * rates, every member's points, pending points, cashback and tier in force must be what the what-if says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfGrantsAndExpiryTest {
    private static final Path PROGRAM = Path.of("src/test/resources/programs/differential.yaml");
    private static final Instant START = Instant.parse("2025-01-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.POINTS, "Points"));

    /** A staff grant of {@code tier} to a contact at {@code at}, revoked at {@code revokedAt} (null: never). */
    private record Grant(String contact, String tier, Instant at, Instant revokedAt, LocalDate until) {
    }

    private OrderHistories histories;
    private Program current;
    private Program candidate;
    private StoreFixture live;
    private List<Grant> grants;
    private Comparison whatIf;
    private WhatIfResult result;
    private Map<Long, String> contactOf;

    @BeforeAll
    void settleLiveGrantAndExpireThenReplay() throws IOException {
        String inForce = Files.readString(PROGRAM).replace("  months: 24\n", "  months: 4\n");
        current = ProgramFile.parse(inForce.getBytes(StandardCharsets.UTF_8), "program.yaml");
        String changed = inForce.replace("  months: 4\n", "  months: 2\n")
                .replace("pointsPerUnit: 1\n", "pointsPerUnit: 2\n").replace("threshold: 2000", "threshold: 3000");
        candidate = ProgramFile.parse(changed.getBytes(StandardCharsets.UTF_8), "candidate.yaml");
        histories = OrderHistories.generate(5L, 500, 40, START, NOW);
        live = new StoreFixture(current, CLOCK);
        OrderIngest ingest = enrol(live);
        histories.batches.forEach(batch -> ingest.apply(batch, null));
        contactOf = contacts(live);
        grants = List.of(
                new Grant(histories.contacts.get(1).externalId(), "gold", START.plus(Duration.ofDays(30)), null,
                        null),
                new Grant(histories.contacts.get(2).externalId(), "vip", START.plus(Duration.ofDays(20)),
                        START.plus(Duration.ofDays(70)), null),
                new Grant(histories.contacts.get(3).externalId(), "silver", START.plus(Duration.ofDays(5)), null,
                        LocalDate.of(2025, 7, 31)));
        for (Grant g : grants) {
            giveAndDate(live, g);
        }
        live.core.jobs().expiry();
        whatIf = new WhatIf(current, candidate, CLOCK).run(new PgWhatIfHistory(live.transactions, current.zone()),
                null, done -> { });
        result = whatIf.result(10);
    }

    @AfterAll
    void stop() {
        live.close();
    }

    @Test
    void every_member_gets_under_the_candidate_what_the_change_made_on_a_copy_with_its_grants_and_expiry_gives() {
        assertThat(figuresOf(true)).isEqualTo(copied(candidate));
    }

    @Test
    void the_program_in_force_replayed_with_grants_and_expiry_gives_what_the_copy_under_it_gives() {
        assertThat(figuresOf(false)).isEqualTo(copied(current));
    }

    @Test
    void the_grants_and_the_expiry_show_in_the_result() {
        assertThat(result.failed()).isEmpty();
        assertThat(result.replayed().membersWithGrants()).isEqualTo(3);
        assertThat(result.replayed().grantsNotReplayedCandidate()).isZero();
        // Two months instead of four: the candidate expires more, and the program in force expires some.
        assertThat(result.replayed().expiredNow()).isPositive();
        assertThat(result.replayed().expiredCandidate()).isGreaterThan(result.replayed().expiredNow());
        assertThat(result.replayed().notReplayed()).anyMatch(what -> what.startsWith("tier-assessment"));
        // The grant still in force decides the tier in force: at least gold under both programs.
        Figures held = figuresOf(false).get(grants.get(0).contact());
        assertThat(current.tiers().rank(held.tier())).isGreaterThanOrEqualTo(current.tiers().rank("gold"));
    }

    private Map<String, Figures> figuresOf(boolean ofCandidate) {
        Map<String, Figures> figures = new TreeMap<>();
        whatIf.forEach(change -> figures.put(contactOf.get(change.member()),
                ofCandidate ? change.candidate() : change.now()));
        return figures;
    }

    /**
     * The live database's orders in their stored state, taken in by the normal path under a program in time order,
     * with each grant given (and revoked) between the orders placed before and after it; then the expiry job.
     */
    private Map<String, Figures> copied(Program program) {
        List<InboundOrder> orders = new ArrayList<>();
        new PgWhatIfHistory(live.transactions, current.zone()).stream(null, 1000, batch -> batch.forEach(history ->
                history.orders().forEach(stored -> {
                    Order o = stored.order();
                    orders.add(new InboundOrder(OrderHistories.CRM, o.key().externalId(),
                            contactOf.get(history.member().value()), o.total(), o.currency().code(), o.placedAt(),
                            o.status(), o.refundedAmount(), o.lines(), NOW.minusSeconds(60)));
                })));
        orders.sort(Comparator.comparing(InboundOrder::placedAt));
        List<Object[]> moments = new ArrayList<>();
        grants.forEach(g -> {
            moments.add(new Object[]{g.at(), g, true});
            if (g.revokedAt() != null) {
                moments.add(new Object[]{g.revokedAt(), g, false});
            }
        });
        moments.sort(Comparator.comparing(m -> (Instant) m[0]));
        try (StoreFixture copy = new StoreFixture(program, CLOCK)) {
            OrderIngest ingest = enrol(copy);
            int next = 0;
            for (Object[] moment : moments) {
                int upTo = next;
                while (upTo < orders.size() && orders.get(upTo).placedAt().isBefore((Instant) moment[0])) {
                    upTo++;
                }
                take(ingest, orders.subList(next, upTo));
                next = upTo;
                Grant g = (Grant) moment[1];
                MemberId member = copy.transactions.read(() -> member(copy, g.contact()));
                if ((Boolean) moment[2]) {
                    copy.core.tierGrants().grant(member, new TierGrantService.Request(g.tier(), g.until(), "test"),
                            "staff");
                } else {
                    copy.core.tierGrants().revoke(member, "test", "staff");
                }
            }
            take(ingest, orders.subList(next, orders.size()));
            copy.core.jobs().expiry();
            return figures(copy, program);
        }
    }

    private static void take(OrderIngest ingest, List<InboundOrder> orders) {
        for (int i = 0; i < orders.size(); i += 400) {
            ingest.apply(orders.subList(i, Math.min(orders.size(), i + 400)), null);
        }
    }

    /** Balances from the copy, and the tier in force today (a grant still holding applied on the earned tier). */
    private static Map<String, Figures> figures(StoreFixture copy, Program program) {
        Map<Long, String> contacts = contacts(copy);
        TierPolicy policy = new TierPolicy(program.tiers());
        LocalDate today = LocalDate.ofInstant(NOW, program.zone());
        Map<String, Figures> figures = new TreeMap<>();
        query(copy, "SELECT m.id,"
                + " coalesce(sum(b.available) FILTER (WHERE b.account = 'points'), 0),"
                + " coalesce(sum(b.available) FILTER (WHERE b.account = 'pending'), 0),"
                + " coalesce(sum(b.available) FILTER (WHERE b.account = 'cashback'), 0),"
                + " coalesce(sum(b.available) FILTER (WHERE b.account = 'pending_cashback'), 0)"
                + " FROM members m LEFT JOIN member_balances b ON b.member_id = m.id GROUP BY m.id", row -> {
                    MemberId member = new MemberId(row.getLong(1));
                    String tier = copy.transactions.read(() -> copy.core.tiers().get(member))
                            .map((TierState state) -> policy.effectiveTier(state, today))
                            .orElse(program.tiers().lowest().name());
                    figures.put(contacts.get(member.value()), new Figures(row.getLong(2), row.getLong(3),
                            row.getLong(4), row.getLong(5), tier));
                });
        return figures;
    }

    /** Gives the grant now (the live clock), then dates it, and its revocation, where the history puts them. */
    private static void giveAndDate(StoreFixture store, Grant g) {
        MemberId member = store.transactions.read(() -> member(store, g.contact()));
        store.core.tierGrants().grant(member, new TierGrantService.Request(g.tier(), g.until(), "test"), "staff");
        if (g.revokedAt() != null) {
            store.core.tierGrants().revoke(member, "test", "staff");
        }
        execute(store, "UPDATE tier_grants SET granted_at = ?, ended_at = CASE WHEN ended_at IS NULL THEN NULL"
                + " ELSE ? END WHERE member_id = " + member.value(), g.at(), g.revokedAt() == null ? g.at()
                : g.revokedAt());
    }

    private OrderIngest enrol(StoreFixture store) {
        SyncStores stores = SyncStores.open(store.transactions);
        OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService, CLOCK);
        new ContactIngest(store.transactions, stores, Map.of(OrderHistories.CRM, FIELDS), orders)
                .apply(histories.contacts, null);
        execute(store, "UPDATE members SET created_at = ?", START.minus(Duration.ofDays(30)));
        return orders;
    }

    private static MemberId member(StoreFixture store, String contact) {
        return store.members.byIdentity(new CrmIdentity(OrderHistories.CRM, contact)).map(Member::id).orElseThrow();
    }

    private static Map<Long, String> contacts(StoreFixture store) {
        Map<Long, String> contacts = new HashMap<>();
        query(store, "SELECT member_id, external_id FROM member_identities WHERE system = '" + OrderHistories.CRM
                + "'", row -> contacts.put(row.getLong(1), row.getString(2)));
        return contacts;
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(StoreFixture store, String sql, Row each) {
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                each.accept(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(StoreFixture store, String sql, Instant... at) {
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < at.length; i++) {
                statement.setObject(i + 1, at[i].atOffset(ZoneOffset.UTC));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
