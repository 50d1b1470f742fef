package io.loyaltybridge.sync;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.grants.EventReport;
import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.Figures;
import io.loyaltybridge.domain.whatif.MemberHistory;
import io.loyaltybridge.domain.whatif.WhatIf;
import io.loyaltybridge.domain.whatif.WhatIfResult;
import io.loyaltybridge.store.PgReferrals;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when check of the program what-if: a live database settles generated CRM histories (refunds, edits,
 * cancellations, tiers, capped campaigns, badges, referrals) and reported review events under the program in force;
 * the what-if replays it in memory under a candidate. The oracle is the real change: the events, then the orders the
 * live database holds, are taken in by the normal paths (the event grant, the set-wise ingest) into two fresh
 * databases, one under each program, and every member's points, pending points, cashback and tier, and the totals,
 * must be what the what-if says for that program.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfAgainstProgramChangeTest {
    private static final Path PROGRAM = Path.of("src/test/resources/programs/differential.yaml");
    private static final Instant START = Instant.parse("2025-01-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.POINTS, "Points"));

    /** A review event, three of which every third member reported (the candidate pays more for at most two). */
    private static final String EVENTS = "\nevents:\n  - name: review\n    points: 20\n    maxPerMember: 3\n"
            + "    description: Thanks for your review\n";

    private OrderHistories histories;
    private Program current;
    private Program candidate;
    private StoreFixture live;
    private Comparison whatIf;
    private WhatIfResult result;
    private Map<Long, String> contactOf;

    @BeforeAll
    void replayTheLiveHistoryAndMakeTheChangeForReal() throws IOException {
        String inForce = Files.readString(PROGRAM) + EVENTS;
        current = ProgramFile.parse(inForce.getBytes(StandardCharsets.UTF_8), "program.yaml");
        candidate = ProgramFile.parse(candidateYaml(inForce).getBytes(StandardCharsets.UTF_8), "candidate.yaml");
        histories = OrderHistories.generate(21L, 1500, 90, START, NOW);
        live = new StoreFixture(current, CLOCK);
        OrderIngest ingest = enrol(live);
        histories.batches.forEach(batch -> ingest.apply(batch, null));
        contactOf = contacts(live);
        long began = System.nanoTime();
        whatIf = new WhatIf(current, candidate, CLOCK).run(new PgWhatIfHistory(live.transactions, current.zone()),
                null, done -> { });
        result = whatIf.result(10);
        System.out.printf("what-if: %d members, %d orders replayed under both programs in %d ms%n", result.members(),
                result.orders(), (System.nanoTime() - began) / 1_000_000);
    }

    @AfterAll
    void stop() {
        live.close();
    }

    /** The differential program with its earning rate, a multiplier, a threshold, cashback and an event changed. */
    private static String candidateYaml(String inForce) {
        String yaml = inForce;
        for (String[] edit : new String[][]{{"pointsPerUnit: 1\n", "pointsPerUnit: 2\n"},
                {"    shoes: 2\n", "    shoes: 3\n"}, {"threshold: 2000", "threshold: 3000"},
                {"percent: 1\n", "percent: 2\n"},
                {"points: 20\n    maxPerMember: 3", "points: 35\n    maxPerMember: 2"}}) {
            assertThat(yaml).contains(edit[0]);
            yaml = yaml.replaceFirst(java.util.regex.Pattern.quote(edit[0]), edit[1]);
        }
        return yaml;
    }

    @Test
    void every_member_gets_under_the_candidate_what_the_real_program_change_gives_them() {
        assertThat(figuresOf(whatIf, true)).isEqualTo(backfilled(candidate));
    }

    @Test
    void the_program_in_force_replayed_gives_every_member_what_taking_the_same_orders_in_under_it_gives() {
        assertThat(figuresOf(whatIf, false)).isEqualTo(backfilled(current));
    }

    @Test
    void the_totals_are_the_members_sums_and_the_change_is_visible() {
        Map<String, Figures> changed = backfilled(candidate);
        assertThat(result.candidate().liabilityPoints()).isEqualTo(changed.values().stream()
                .mapToLong(Figures::liabilityPoints).sum());
        assertThat(result.candidate().liabilityCashbackMinor()).isEqualTo(changed.values().stream()
                .mapToLong(Figures::liabilityCashbackMinor).sum());
        // Twice the points per euro and twice the cashback: the candidate owes clearly more.
        assertThat(result.candidate().liabilityPoints()).isGreaterThan(result.now().liabilityPoints() * 3 / 2);
        assertThat(result.candidate().liabilityCashbackMinor()).isGreaterThan(result.now().liabilityCashbackMinor());
        assertThat(result.failed()).isEmpty();
        long[] reviews = new long[1];
        query(live, "SELECT count(*) FROM ledger_entries WHERE source_system = ?", "event:review",
                row -> reviews[0] = row.getLong(1));
        assertThat(reviews[0]).as("review grants the candidate prices again")
                .isEqualTo(3L * ((histories.contacts.size() + 2) / 3));
        assertThat(result.members()).isEqualTo(contactOf.size());
        assertThat(result.largest()).hasSize(10);
        assertThat(result.tiers().stream().mapToLong(WhatIfResult.TierCount::candidate).sum())
                .isEqualTo(result.members());
        long issuedNow = result.issued().values().stream().mapToLong(m -> m[0]).sum();
        long issuedCandidate = result.issued().values().stream().mapToLong(m -> m[1]).sum();
        assertThat(issuedCandidate).isGreaterThan(issuedNow);
    }

    private Map<String, Figures> figuresOf(Comparison comparison, boolean ofCandidate) {
        Map<String, Figures> figures = new TreeMap<>();
        comparison.forEach(change -> figures.put(contactOf.get(change.member()),
                ofCandidate ? change.candidate() : change.now()));
        return figures;
    }

    /** The live database's orders, in their stored state, taken in by the normal path under a program. */
    private Map<String, Figures> backfilled(Program program) {
        List<InboundOrder> orders = new ArrayList<>();
        new PgWhatIfHistory(live.transactions, current.zone()).stream(null, 1000, batch -> {
            for (MemberHistory history : batch) {
                history.orders().forEach(stored -> {
                    Order o = stored.order();
                    orders.add(new InboundOrder(OrderHistories.CRM, o.key().externalId(),
                            contactOf.get(history.member().value()), o.total(), o.currency().code(), o.placedAt(),
                            o.status(), o.refundedAmount(), o.lines(), NOW.minusSeconds(60)));
                });
            }
        });
        orders.sort(Comparator.comparing(InboundOrder::placedAt));
        try (StoreFixture copy = new StoreFixture(program, CLOCK)) {
            OrderIngest ingest = enrol(copy);
            for (int i = 0; i < orders.size(); i += 400) {
                ingest.apply(orders.subList(i, Math.min(orders.size(), i + 400)), null);
            }
            assertThat(ingest.batchesSettledOneByOne()).isZero();
            Map<Long, String> contacts = contacts(copy);
            Map<String, Figures> figures = new TreeMap<>();
            String lowest = program.tiers().lowest().name();
            query(copy, "SELECT m.id, coalesce(t.tier, ?) AS tier,"
                    + " coalesce(sum(b.available) FILTER (WHERE b.account = 'points'), 0),"
                    + " coalesce(sum(b.available) FILTER (WHERE b.account = 'pending'), 0),"
                    + " coalesce(sum(b.available) FILTER (WHERE b.account = 'cashback'), 0),"
                    + " coalesce(sum(b.available) FILTER (WHERE b.account = 'pending_cashback'), 0)"
                    + " FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id"
                    + " LEFT JOIN member_balances b ON b.member_id = m.id GROUP BY m.id, t.tier", lowest, row ->
                    figures.put(contacts.get(row.getLong(1)), new Figures(row.getLong(3), row.getLong(4),
                            row.getLong(5), row.getLong(6), row.getString(2))));
            return figures;
        }
    }

    /** Contacts, their join time and their referrals as the generated histories have them. */
    private OrderIngest enrol(StoreFixture store) {
        SyncStores stores = SyncStores.open(store.transactions);
        OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService, CLOCK);
        new ContactIngest(store.transactions, stores, Map.of(OrderHistories.CRM, FIELDS), orders)
                .apply(histories.contacts, null);
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE members SET created_at = ?")) {
            update.setObject(1, START.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PgReferrals referrals = new PgReferrals(store.transactions);
        store.transactions.inTransaction(() -> {
            histories.referrals.forEach((referee, referrer) -> referrals.record(member(store, referee),
                    member(store, referrer), START));
            return null;
        });
        // Reviews reported before the orders, as the live database had them, priced by the store's own program.
        for (int c = 0; c < histories.contacts.size(); c += 3) {
            String contact = histories.contacts.get(c).externalId();
            for (int k = 0; k < 3; k++) {
                try {
                    MemberId member = store.transactions.read(() -> member(store, contact));
                    store.core.engine().grants().grantEvent(new EventReport(MemberRef.byId(member), "review",
                            contact + "-" + k, START.plus(Duration.ofDays(c % 40 + k))));
                } catch (Conflict limitReached) {
                    // the candidate's limit: refused, as it would be live
                }
            }
        }
        return orders;
    }

    private static MemberId member(StoreFixture store, String contact) {
        return store.members.byIdentity(new CrmIdentity(OrderHistories.CRM, contact)).map(Member::id).orElseThrow();
    }

    private static Map<Long, String> contacts(StoreFixture store) {
        Map<Long, String> contacts = new HashMap<>();
        query(store, "SELECT member_id, external_id FROM member_identities WHERE system = ?", OrderHistories.CRM,
                row -> contacts.put(row.getLong(1), row.getString(2)));
        return contacts;
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(StoreFixture store, String sql, String parameter, Row each) {
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
