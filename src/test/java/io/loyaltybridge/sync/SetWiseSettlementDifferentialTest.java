package io.loyaltybridge.sync;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgReferrals;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-order path is the oracle: the same seeded histories, cut into the same batches, are settled by
 * {@link OrderIngest#applyOneByOne} in one fresh database and by {@link OrderIngest#apply} in another, under the same
 * fixed clock, and everything the batches leave behind must agree. The histories hold what makes settlement hard:
 * refunds in part and whole, edited totals, cancellations, re-reads that must change nothing, the same report twice
 * in a batch, foreign currencies with and without a declared rate, a capped campaign for all and one for upper tiers,
 * tiers crossed in the middle of a batch, orders inside and outside the return window, badges, referrals, and orders
 * of contacts we never saw.
 * <p>
 * Sized by {@code -Ddifftest.orders=N}. The suite's default, {@value #DEFAULT_REPORTS} reports, is one batch of each
 * page size (1, 7, 200, 2000): the per-order oracle settles a few dozen orders a second on the shared 2-core
 * machine, so the full 10 000 (several minutes) is run by hand. {@code -Ddifftest.seed=N} picks other histories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetWiseSettlementDifferentialTest {
    private static final int DEFAULT_REPORTS = 1 + 7 + 200 + 2000;
    private static final Path PROGRAM = Path.of("src/test/resources/programs/differential.yaml");
    private static final Instant START = Instant.parse("2025-01-02T08:00:00Z");
    /** The clock's now: the last fortnight's orders are still inside the return window. */
    private static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.TIER, "Tier",
            ProfileAttribute.POINTS, "Points", ProfileAttribute.NEXT_TIER, "Next_Tier",
            ProfileAttribute.POINTS_TO_NEXT_TIER, "To_Next_Tier", ProfileAttribute.POINTS_EXPIRING, "Expiring",
            ProfileAttribute.POINTS_EXPIRING_ON, "Expiring_On", ProfileAttribute.UPDATED_AT, "Updated"));
    private static final int SHOWN_PER_SECTION = 6;

    private OrderHistories histories;
    private Settled oracle;
    private Settled setWise;
    /** The set-wise path with {@code loyalty.settle.partitions} = 2: large batches cut by member, settled side by side. */
    private Settled inParts;

    private record Settled(SettledState state, List<IngestReport> reports, List<LedgerCheck.Mismatch> mismatches,
                           long batchesSettledOneByOne, long batchesSettledInParts) {
    }

    @BeforeAll
    void settleTheSameHistoriesBothWays() {
        int reports = Integer.getInteger("difftest.orders", DEFAULT_REPORTS);
        long seed = Long.getLong("difftest.seed", 15L);
        histories = OrderHistories.generate(seed, reports, Math.max(60, Math.min(300, reports / 33)), START, NOW);
        long began = System.nanoTime();
        oracle = settle(OrderIngest::applyOneByOne, SettleLanes.ONE);
        long between = System.nanoTime();
        setWise = settle(OrderIngest::apply, SettleLanes.ONE);
        long beforeParts = System.nanoTime();
        inParts = settle(OrderIngest::apply, new SettleLanes(2));
        System.out.printf("differential: %d reports in %d batches over %d contacts; per order %.1f s, apply %.1f s,"
                        + " apply in 2 parts %.1f s%n", histories.reportCount(), histories.batches.size(),
                histories.contacts.size(), (between - began) / 1e9, (beforeParts - between) / 1e9,
                (System.nanoTime() - beforeParts) / 1e9);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        oracle.state().sections.forEach((name, rows) -> sizes.put(name, rows.size()));
        System.out.println("differential: rows the per-order path left " + sizes);
    }

    /** Settles every batch with one of the two paths into a fresh database, and reads back what it left. */
    private Settled settle(Ingest ingest, SettleLanes lanes) {
        Program program = ProgramFile.load(PROGRAM);
        try (StoreFixture store = new StoreFixture(program, Clock.fixed(NOW, ZoneOffset.UTC))) {
            SyncStores stores = SyncStores.open(store.transactions);
            OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService,
                    Clock.fixed(NOW, ZoneOffset.UTC), lanes);
            ContactIngest contacts = new ContactIngest(store.transactions, stores, Map.of(OrderHistories.CRM, FIELDS),
                    orders);
            contacts.apply(histories.contacts, null);
            joinedBeforeTheirOrders(store);
            enrolReferrals(store);
            drainOutbox(store, stores);
            List<IngestReport> reports = new ArrayList<>();
            for (List<InboundOrder> batch : histories.batches) {
                Instant watermark = batch.get(batch.size() - 1).modifiedAt();
                reports.add(ingest.apply(orders, batch, new SourceCursor(OrderHistories.CRM, "order", watermark)));
            }
            return new Settled(SettledState.read(store, FIELDS), reports, store.check.mismatches(),
                    orders.batchesSettledOneByOne(), orders.batchesSettledInParts());
        }
    }

    @FunctionalInterface
    private interface Ingest {
        IngestReport apply(OrderIngest ingest, List<InboundOrder> batch, SourceCursor cursor);
    }

    /**
     * Members are stamped with the database's own time when created, which is years after the fixed clock; a member
     * whose tier is first saved would then hold it since a day still to come. They joined before the histories.
     */
    private static void joinedBeforeTheirOrders(StoreFixture store) {
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE members SET created_at = ?")) {
            update.setObject(1, START.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void enrolReferrals(StoreFixture store) {
        PgReferrals referrals = new PgReferrals(store.transactions);
        store.transactions.inTransaction(() -> {
            histories.referrals.forEach((referee, referrer) -> referrals.record(member(store, referee),
                    member(store, referrer), START));
            return null;
        });
    }

    private static MemberId member(StoreFixture store, String contact) {
        return store.members.byIdentity(new CrmIdentity(OrderHistories.CRM, contact)).map(Member::id).orElseThrow();
    }

    /** Contacts arrive queued for their first push; pushed once, only what the orders change is queued after. */
    private static void drainOutbox(StoreFixture store, SyncStores stores) {
        OutboxPusher pusher = new OutboxPusher(store.transactions, store.core.profiles(), stores.deadLetters(),
                stores.sources(), Clock.fixed(NOW, ZoneOffset.UTC));
        InMemoryCrm crm = new InMemoryCrm(200);
        while (pusher.pushOnce(crm, FIELDS).members() > 0) {
            // until the outbox is empty
        }
    }

    @Test
    void both_paths_leave_the_same_entries_balances_tiers_badges_referrals_outbox_dead_letters_and_events() {
        assertLeavesWhatTheOracleLeaves(setWise, "set-wise settlement");
    }

    @Test
    void settled_in_two_parts_side_by_side_the_batches_leave_what_the_per_order_path_leaves() {
        assertThat(inParts.batchesSettledInParts()).as("batches settled in parts").isPositive();
        assertThat(inParts.batchesSettledOneByOne()).as("batches handed to the one-by-one path").isZero();
        assertThat(inParts.mismatches()).as("balances against their entries").isEmpty();
        assertThat(inParts.reports()).as("taken, skipped and dead-lettered per batch").isEqualTo(oracle.reports());
        assertLeavesWhatTheOracleLeaves(inParts, "settled in parts");
    }

    /** Every section of {@code path}'s state equals the per-order path's; else the count and first few per section. */
    private void assertLeavesWhatTheOracleLeaves(Settled path, String what) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        for (String section : oracle.state().sections.keySet()) {
            List<String> found = differences(section, oracle.state().sections.get(section),
                    path.state().sections.get(section));
            if (!found.isEmpty()) {
                counts.put(section, found.size());
                shown.addAll(found.subList(0, Math.min(SHOWN_PER_SECTION, found.size())));
            }
        }
        assertThat(counts).as(what + " differs from the per-order path; differences per section %s,"
                + " the first of each:%n%s", counts, String.join("\n", shown)).isEmpty();
    }

    @Test
    void every_balance_either_path_leaves_is_the_sum_of_its_entries() {
        assertThat(oracle.mismatches()).as("per-order path").isEmpty();
        assertThat(setWise.mismatches()).as("set-wise path").isEmpty();
    }

    @Test
    void both_paths_report_the_same_taken_skipped_and_dead_lettered_per_batch() {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < oracle.reports().size(); i++) {
            if (!oracle.reports().get(i).equals(setWise.reports().get(i))) {
                differences.add("batch " + i + " of " + histories.batches.get(i).size() + ": expected "
                        + oracle.reports().get(i) + " but was " + setWise.reports().get(i));
            }
        }
        assertThat(differences.size()).as("batches reported differently:%n%s",
                String.join("\n", differences.subList(0, Math.min(10, differences.size())))).isZero();
    }

    @Test
    void the_histories_exercise_every_kind_of_settlement_so_agreement_is_not_vacuous() {
        assertThat(setWise.batchesSettledOneByOne()).as("batches apply handed to the one-by-one path").isZero();
        SettledState state = oracle.state();
        List<String[]> entries = state.rows("ledger entry");
        for (String kind : List.of("earn", "reverse", "bonus")) {
            assertThat(entries).as("entries of kind " + kind).anyMatch(e -> e[4].equals(kind));
        }
        for (String account : List.of("points", "pending", "cashback", "pending_cashback")) {
            assertThat(entries).as("entries in account " + account + " (inside and outside the return window)")
                    .anyMatch(e -> e[2].equals(account));
        }
        assertThat(entries).as("a referral paid to both sides").anyMatch(e -> e[0].endsWith(":referrer"))
                .anyMatch(e -> e[0].endsWith(":referee"));
        assertThat(state.rows("referral")).as("a referral completed").anyMatch(r -> !"null".equals(r[2]));
        assertThat(state.rows("badge")).as("badges granted").extracting(b -> b[0].replaceAll(".*/", ""))
                .contains("first-order", "regular", "big-spender");
        List<String[]> orders = state.rows("order");
        assertThat(orders).as("an order in a declared foreign currency earns")
                .anyMatch(o -> o[3].equals("USD") && !o[7].equals("0"));
        assertThat(orders).as("orders in undeclared currencies, earning nothing")
                .anyMatch(o -> o[3].equals("GBP")).allMatch(o -> !o[3].equals("GBP") || o[7].equals("0"));
        assertThat(orders).as("refunded, partly refunded and cancelled orders")
                .anyMatch(o -> o[4].equals("refunded")).anyMatch(o -> o[4].equals("partially_refunded"))
                .anyMatch(o -> o[4].equals("cancelled"));
        assertThat(state.rows("campaign points")).as("campaign points").anyMatch(c -> c[0].endsWith("/spring-double"))
                .anyMatch(c -> c[0].endsWith("/gold-boost"))
                .as("a member who reached a campaign's cap (spring 2000, gold boost 600)")
                .anyMatch(c -> c[0].endsWith("/spring-double") && c[1].equals("2000")
                        || c[0].endsWith("/gold-boost") && c[1].equals("600"));
        assertThat(state.rows("dead letter")).as("dead letters").anyMatch(d -> d[1].equals("unknown_contact"))
                .anyMatch(d -> d[1].equals("invalid_record"));
        assertThat(state.sections.get("crm outbox")).as("members queued for a push").isNotEmpty();
        assertThat(oracle.reports()).as("re-reads skipped").anyMatch(r -> r.skipped() > 0);
        assertThat(tierCrossingsInsideABatch(orders)).as("members whose later orders in one batch earned at a"
                + " higher tier than their earlier ones").isNotEmpty();
    }

    /** Contacts with two orders first settled in one batch under different tiers: a tier crossed mid-batch. */
    private List<String> tierCrossingsInsideABatch(List<String[]> orders) {
        Map<String, String> tierOf = new HashMap<>();
        for (String[] order : orders) {
            tierOf.put(order[0], order[9].replaceAll(".*\"tier\": \"([a-z]+)\".*", "$1"));
        }
        Set<String> seen = new HashSet<>();
        List<String> crossings = new ArrayList<>();
        for (List<InboundOrder> batch : histories.batches) {
            Map<String, Set<String>> tiersOfContact = new HashMap<>();
            for (InboundOrder report : batch) {
                if (seen.add(report.externalId()) && tierOf.containsKey(report.externalId())) {
                    tiersOfContact.computeIfAbsent(report.contactExternalId(), c -> new HashSet<>())
                            .add(tierOf.get(report.externalId()));
                }
            }
            tiersOfContact.forEach((contact, tiers) -> {
                if (tiers.size() > 1) {
                    crossings.add(contact + " " + tiers);
                }
            });
        }
        return crossings;
    }

    private static List<String> differences(String section, Map<String, String> expected, Map<String, String> actual) {
        List<String> found = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual == null ? Set.of() : actual.keySet());
        for (String key : keys) {
            String want = expected.get(key);
            String got = actual == null ? null : actual.get(key);
            if (want == null || !want.equals(got)) {
                found.add(section + " " + key + ": expected " + (want == null ? "none" : want) + " but was "
                        + (got == null ? "none" : got));
            }
        }
        return found;
    }
}
