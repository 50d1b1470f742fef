package io.loyaltybridge.recompute;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.WhatIf;
import io.loyaltybridge.domain.whatif.WhatIfResult;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.PgWhatIfHistory;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The by-hand measurement of the what-if: a generated population (as the recompute's) replayed under the shipped
 * program and a candidate doubling its points. In the suite it runs small; by hand, e.g.
 * <pre>
 * mvn -B -o test -Dtest=WhatIfScaleTest -Dwhatif.members=100000 -Dwhatif.orders=1000000 \
 *     -DargLine=-Xmx512m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The figures are printed (one line starting "what-if:"); the test asserts what must hold at any size.
 */
class WhatIfScaleTest {
    private static final Path PROGRAM = Path.of("config/program.yaml");

    @Test
    void a_generated_population_is_replayed_whole_under_both_programs_and_the_candidate_doubles_what_is_issued()
            throws Exception {
        int members = Integer.getInteger("whatif.members", 500);
        int orders = Integer.getInteger("whatif.orders", members * 10);
        try (Database database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate()) {
            GeneratedPopulation.generate(database, members, orders);
            long stored = RecomputeScaleTest.count(database, "SELECT count(*) FROM orders");
            String yaml = Files.readString(PROGRAM);
            Program inForce = ProgramFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "program");
            Program candidate = ProgramFile.parse(yaml.replaceFirst("  pointsPerUnit: 1\n", "  pointsPerUnit: 2\n")
                    .getBytes(StandardCharsets.UTF_8), "candidate");
            PgWhatIfHistory history = new PgWhatIfHistory(new Transactions(database.dataSource()), inForce.zone());

            CpuClock cpu = CpuClock.start();
            long started = System.nanoTime();
            Comparison comparison = new WhatIf(inForce, candidate, RecomputeScaleTest.TODAY).run(history, null,
                    done -> { });
            WhatIfResult result = comparison.result(20);
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf("what-if: %d members, %d orders replayed under both programs in %.1f s (%.0f orders/s;"
                            + " CPU %s); %d members changed, %d failed; heap used after %d MB of max %d MB%n",
                    result.members(), result.orders(), seconds, result.orders() / seconds, cpu.since(),
                    result.changed(), result.failed().size(), (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    runtime.maxMemory() >> 20);

            assertThat(result.orders()).isEqualTo(stored);
            assertThat(result.members()).isEqualTo(members);
            assertThat(result.failed()).isEmpty();
            long issuedNow = result.issued().values().stream().mapToLong(m -> m[0]).sum();
            long issuedCandidate = result.issued().values().stream().mapToLong(m -> m[1]).sum();
            assertThat(issuedCandidate).isGreaterThan(issuedNow * 3 / 2);
        }
    }

    @Test
    void every_member_comes_out_the_same_whether_one_thread_or_two_settle_the_pages_and_whatever_their_size() throws Exception {
        try (Database database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate()) {
            // Several pages (WhatIf.BATCH_MEMBERS each), so two workers really share them.
            GeneratedPopulation.generate(database, WhatIf.BATCH_MEMBERS * 4 + 37, WhatIf.BATCH_MEMBERS * 40);
            String yaml = Files.readString(PROGRAM);
            Program inForce = ProgramFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "program");
            Program candidate = ProgramFile.parse(yaml.replaceFirst("  pointsPerUnit: 1\n", "  pointsPerUnit: 2\n")
                    .getBytes(StandardCharsets.UTF_8), "candidate");
            PgWhatIfHistory history = new PgWhatIfHistory(new Transactions(database.dataSource()), inForce.zone());

            Comparison alone = new WhatIf(inForce, candidate, RecomputeScaleTest.TODAY, 1, WhatIf.BATCH_MEMBERS)
                    .run(history, null, done -> { });
            Comparison shared = new WhatIf(inForce, candidate, RecomputeScaleTest.TODAY, 2, WhatIf.BATCH_MEMBERS)
                    .run(history, null, done -> { });
            Comparison onePage = new WhatIf(inForce, candidate, RecomputeScaleTest.TODAY, 1, Integer.MAX_VALUE)
                    .run(history, null, done -> { });

            List<WhatIfResult.MemberChange> oneThread = new ArrayList<>();
            alone.forEach(oneThread::add);
            List<WhatIfResult.MemberChange> twoThreads = new ArrayList<>();
            shared.forEach(twoThreads::add);
            assertThat(oneThread).hasSize(WhatIf.BATCH_MEMBERS * 4 + 37);
            assertThat(twoThreads).isEqualTo(oneThread);
            List<WhatIfResult.MemberChange> wholePopulationAtOnce = new ArrayList<>();
            onePage.forEach(wholePopulationAtOnce::add);
            assertThat(wholePopulationAtOnce).isEqualTo(oneThread);
            WhatIfResult a = alone.result(20);
            WhatIfResult b = shared.result(20);
            assertThat(b.changed()).isPositive();
            assertThat(b).usingRecursiveComparison().isEqualTo(a);
            assertThat(onePage.result(20)).usingRecursiveComparison().isEqualTo(a);
        }
    }
}
