package io.loyaltybridge.recompute;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.OrderFact;
import io.loyaltybridge.domain.program.segments.CltvCalculator;
import io.loyaltybridge.domain.program.segments.MemberSegments;
import io.loyaltybridge.domain.program.segments.MemberStats;
import io.loyaltybridge.domain.program.segments.SegmentStore.Assigned;
import io.loyaltybridge.domain.program.segments.Segmentation;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.PgMemberActivity;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recompute's one SQL pass against the in-memory domain policy it replaced, on a generated population: every
 * member's orders read as domain orders ({@link OrderFact#of}), summarised by {@link MemberStats#of}, scored by
 * {@link Segmentation#assign(List)} over the whole population and valued by {@link CltvCalculator}. Both must store
 * the same segments, scores, churn risk, preferred category and values for every member.
 */
class RecomputeDifferentialTest {
    private static final int MEMBERS = 1500;
    private static Database database;
    private static Core core;

    @BeforeAll
    static void population() {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 10).migrate();
        GeneratedPopulation.generate(database, MEMBERS, MEMBERS * 10);
        core = Core.assemble(database.dataSource(), ProgramFile.load(RecomputeScaleTest.PROGRAM), RecomputeScaleTest.TODAY);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void the_sql_pass_stores_for_every_member_what_the_in_memory_policy_computes() {
        core.jobs().segmentsAndCltv();
        Map<MemberId, Assigned> expected = inMemory();
        Map<MemberId, Assigned> stored = core.transactions().read(() -> core.segments().get(expected.keySet()));
        assertThat(expected).hasSize(MEMBERS);
        assertThat(expected.values().stream().filter(a -> a.rfm() != null).count()).as("scored members")
                .isGreaterThan(MEMBERS * 9 / 10);
        assertThat(expected.values().stream().map(Assigned::preferredCategory).collect(Collectors.toSet()))
                .as("the population exercises every category").contains("shoes", "bags", "accessories", null);
        List<String> differences = new ArrayList<>();
        expected.forEach((member, want) -> {
            if (!want.equals(stored.get(member))) {
                differences.add(member + ": policy " + want + " / sql " + stored.get(member));
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void a_rerun_after_orders_changed_queues_exactly_the_members_whose_shown_values_changed() {
        core.jobs().segmentsAndCltv();
        Map<MemberId, Assigned> before = stored();
        execute("DELETE FROM crm_outbox");
        // Cancel every order of a few members: their own values change, and the scores of others shift with them.
        execute("UPDATE orders SET status = 'cancelled', refunded_amount = 0 WHERE member_id % 40 = 3");
        int changed = core.jobs().segmentsAndCltv().changes();
        Map<MemberId, Assigned> after = stored();
        Set<MemberId> differ = new HashSet<>();
        Set<MemberId> shown = new HashSet<>();
        after.forEach((member, now) -> {
            if (!now.equals(before.get(member))) {
                differ.add(member);
            }
            if (shownDiffer(before.get(member), now)) {
                shown.add(member);
            }
        });
        Set<MemberId> withLiveIdentity = shown.stream().filter(m -> m.value() % 97 != 0).collect(Collectors.toSet());
        assertThat(differ).isNotEmpty().hasSize(changed);
        assertThat(shown).as("RFM scores move for many more members than their segment does")
                .isNotEmpty().hasSizeLessThan(differ.size());
        assertThat(queued()).isEqualTo(withLiveIdentity);
        assertThat(inMemory()).isEqualTo(after);
    }

    /** The replaced job's computation, member by member from domain orders, the population scored in memory. */
    private static Map<MemberId, Assigned> inMemory() {
        Program program = core.program();
        LocalDate today = LocalDate.now(RecomputeScaleTest.TODAY.withZone(program.zone()));
        TierPolicy tiers = new TierPolicy(program.tiers());
        PgMemberActivity activity = new PgMemberActivity(core.transactions(), program);
        List<MemberStats> population = core.transactions().read(() -> {
            List<MemberId> ids = core.members().idsAfter(null, Integer.MAX_VALUE);
            Map<MemberId, List<OrderFact>> facts = core.segments().orderFacts(ids);
            Map<MemberId, Long> balances = core.segments().pointBalances(ids);
            Map<MemberId, TierState> states = core.tiers().get(ids);
            Map<MemberId, LocalDate> joined = activity.joinedOn(ids);
            return ids.stream().map(m -> MemberStats.of(m, today, joined.get(m), facts.getOrDefault(m, List.of()),
                    balances.getOrDefault(m, 0L), states.get(m) == null ? program.tiers().lowest().name()
                            : tiers.effectiveTier(states.get(m), today))).toList();
        });
        Map<MemberId, MemberSegments> segments = new Segmentation(program.segments()).assign(population);
        CltvCalculator cltv = new CltvCalculator(program.cltv(), program.segments());
        Map<MemberId, Assigned> result = new HashMap<>();
        for (MemberStats stats : population) {
            MemberSegments s = segments.get(stats.member());
            result.put(stats.member(), Assigned.of(s, cltv.of(stats.withRfmSegment(s.rfmSegment()))));
        }
        return result;
    }

    /**
     * What the CRM profile shows of the segments (program segments.yaml): the RFM segment, churn risk, predicted
     * value and preferred category, and the next best offer, which looks at the at-risk, hibernating and cant-lose
     * segments (the come-back offer and its campaign).
     */
    private static boolean shownDiffer(Assigned before, Assigned now) {
        Set<String> offerSegments = Set.of("at-risk", "hibernating", "cant-lose");
        return !java.util.Objects.equals(before.rfmSegment(), now.rfmSegment())
                || !java.util.Objects.equals(before.churnRisk(), now.churnRisk())
                || before.cltvPredicted().compareTo(now.cltvPredicted()) != 0
                || !java.util.Objects.equals(before.preferredCategory(), now.preferredCategory())
                || offerSegments.stream().anyMatch(n -> before.segments().contains(n) != now.segments().contains(n));
    }

    private static Map<MemberId, Assigned> stored() {
        return core.transactions().read(() -> core.segments().get(core.members().idsAfter(null, Integer.MAX_VALUE)));
    }

    private static Set<MemberId> queued() {
        Set<MemberId> members = new HashSet<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT DISTINCT member_id FROM crm_outbox")) {
            while (rows.next()) {
                members.add(new MemberId(rows.getLong(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return members;
    }

    private static void execute(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
