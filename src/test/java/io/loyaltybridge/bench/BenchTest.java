package io.loyaltybridge.bench;

import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark at a small scale: the facts its table states must hold, whatever the machine's speed. */
class BenchTest {
    @Test
    void aSmallBenchmarkOfBothCrmsSettlesEveryOrderConvergesAndPrintsEveryRow() {
        BenchOptions options = BenchOptions.defaults().withContacts(200).withOrders(1_000).withRate(20).withSeconds(3)
                .withStepSeconds(1).withMaxSteps(2).withDbUrl(TestPostgres.freshDatabase());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // A poll every 2 s keeps the no-change run short; at 20 orders a second it barely holds the push back.
        BenchResult r = Bench.run(options, Path.of("").toAbsolutePath(),
                Map.of("loyalty.salesforce.poll.period-seconds", "2", "loyalty.hubspot.poll-interval-ms", "2000"),
                Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);

        assertThat(r.durability().synchronousCommit()).as("what a new session on the server shows")
                .isEqualTo(serverSetting(options.dbUrl(), "synchronous_commit"));
        assertThat(r.crms()).extracting(BenchResult.Crm::name).containsExactly("Salesforce", "HubSpot");
        for (BenchResult.Crm c : r.crms()) {
            assertThat(c.backfill().contacts()).as(c.name()).isEqualTo(200);
            assertThat(c.backfill().orders()).as(c.name()).isEqualTo(1_000);
            assertThat(c.checks().ordersInCore()).as(c.name() + ": every order settled")
                    .isEqualTo(c.checks().ordersInOrg()).isEqualTo(1_000 + c.steady().placed()
                            + c.steps().stream().mapToInt(SteadyState.Result::placed).sum());
            assertThat(c.checks().ledgerMismatches()).as(c.name()).isZero();
            assertThat(c.checks().contactsDisagreeing()).as(c.name() + ": CRM fields converged").isZero();
            assertThat(c.calls().backfillChanged()).as(c.name()).isEqualTo(200);
            assertThat(c.calls().backfillWrites()).as(c.name())
                    .isEqualTo(BenchResult.Calls.minimum(200, c.calls().perWrite()));
            assertThat(c.calls().noChangeReads()).as(c.name() + ": the no-change run did poll").isPositive();
            assertThat(c.calls().noChangeWrites()).as(c.name()).isZero();
            assertThat(c.calls().noChangeChanged()).as(c.name()).isZero();
            assertThat(c.floor().tables()).as(c.name() + ": the floor copies every table the backfill wrote")
                    .extracting(CopyFloor.Table::name)
                    .contains("members", "member_identities", "orders", "ledger_entries", "member_balances",
                            "crm_field_state", "sync_sources");
            assertThat(c.floor().tables()).allSatisfy(t -> assertThat(t.rows()).isPositive());
            assertThat(c.floor().rows()).as(c.name()).isGreaterThan(1_200);
            assertThat(c.floor().nanos()).as(c.name()).isPositive();
            assertThat(c.generatorCeiling()).as(c.name() + ": the generator outruns the asked rate")
                    .isGreaterThan(20);
            assertThat(c.steady().due()).as(c.name()).isEqualTo(60);
            assertThat(c.steady().placed()).as(c.name() + ": 200 contacts are enough for 60 orders").isEqualTo(60);
            assertThat(c.steady().seen()).as(c.name() + ": every steady-state order reached the CRM").isEqualTo(60);
            assertThat(c.steady().p99Ms()).as(c.name()).isGreaterThanOrEqualTo(c.steady().p50Ms()).isPositive();
            assertThat(c.steady().seenP99Ms()).as(c.name() + ": every order seen, so the same figure")
                    .isEqualTo(c.steady().p99Ms());
            assertThat(c.calls().steadyReads()).as(c.name() + ": the new orders were read").isPositive();
            assertThat(c.calls().steadyChanged()).as(c.name() + ": one contact per order").isEqualTo(60);
            assertThat(c.calls().steadyWrites()).as(c.name())
                    .isGreaterThanOrEqualTo(BenchResult.Calls.minimum(60, c.calls().perWrite()));
            // The rate doubles from the steady state's while steps hold; a slow machine may break at once.
            for (int i = 0; i < c.steps().size(); i++) {
                assertThat(c.steps().get(i).rate()).as(c.name()).isEqualTo(20 << (i + 1));
                assertThat(c.steps().get(i).placed()).as(c.name()).isPositive();
            }
            assertThat(c.broke() == null || !c.broke().held()).as(c.name()).isTrue();
            assertThat(c.steps().isEmpty() || c.steady().held()).as(c.name() + ": a step only after a rate held")
                    .isTrue();
        }
        assertThat(r.recompute().members()).isEqualTo(200);
        assertThat(table).contains("synchronous_commit = " + r.durability().synchronousCommit(), "| backfill / floor", "| writes, backfill",
                "ceil(200/200) = 1", "ceil(200/100) = 2", "| writes, poll round with no change",
                "| generator alone", "p99", "| steady state: inbound reads", "| steady state: writes",
                "| breaking rate", "| recompute tiers + segments", "Salesforce floor, table by table",
                "HubSpot floor, table by table", "| ledger_entries");
    }

    private static String serverSetting(String url, String setting) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badBenchmarkOptionsAreAllNamedAtOnce() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--contacts", "none", "--rate", "0", "--speed", "9",
                "--crm", "pipedrive", "--growth", "2000")))
                .hasMessageContaining("--contacts must be a whole number").hasMessageContaining("--rate must be")
                .hasMessageContaining("unknown option '--speed'").hasMessageContaining("--crm must be")
                .hasMessageContaining("--growth takes contacts/orders pairs").hasMessageContaining("Usage: bench");
    }

    @Test
    void theGrowthModeMeasuresBackfillFloorAndRecomputeAtEachSize() {
        BenchOptions options = BenchOptions.parse(List.of("--growth", "50/200,100/400"))
                .withDbUrl(TestPostgres.freshDatabase());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Bench.run(options, Path.of("").toAbsolutePath(), Map.of(), Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);

        List<String> lines = table.lines().filter(l -> l.matches("\\| \\d+ / \\d+ \\|.*")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("| 50 / 200 |");
        assertThat(lines.get(1)).startsWith("| 100 / 400 |");
        for (String line : lines) {
            String[] cells = line.split("\\|");
            assertThat(Double.parseDouble(cells[2].strip().replace(" s", ""))).as("backfill seconds").isPositive();
            assertThat(cells[4]).as("floor").matches(" \\d+ rows in \\d+\\.\\d+ s ");
            assertThat(Long.parseLong(cells[4].strip().split(" ")[0])).as("floor rows: members, orders and more")
                    .isGreaterThan(Long.parseLong(cells[1].strip().split(" / ")[1]));
            assertThat(Double.parseDouble(cells[5].strip())).as("backfill / floor").isPositive();
            assertThat(cells[7]).as("contest standings").matches(" \\d+\\.\\d+ s, \\d+\\.\\d+ s \\(\\d+ ranked\\) ");
            assertThat(Long.parseLong(cells[7].replaceAll(".*\\((\\d+) ranked.*", "$1"))).as("members ranked")
                    .isPositive();
        }
        assertThat(table).contains("synchronous_commit = ", "recompute (tiers, segments)", "contest standings");
    }

    @Test
    void theGrowthModeRunsTheSandboxInItsOwnJvmAndStopsItAtTheEnd() {
        BenchOptions options = BenchOptions.parse(List.of("--growth", "40/150", "--sandbox-xmx", "256m"))
                .withDbUrl(TestPostgres.freshDatabase());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Bench.run(options, Path.of("").toAbsolutePath(), Map.of(), Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);

        assertThat(table).contains("in its own JVM, -Xmx256m");
        List<String> lines = table.lines().filter(l -> l.startsWith("| 40 / 150 |")).toList();
        assertThat(lines).as("one row, the backfill awaited through the other process").hasSize(1);
        String[] cells = lines.get(0).split("\\|");
        assertThat(Long.parseLong(cells[4].strip().split(" ")[0])).as("floor rows: members, orders and more")
                .isGreaterThan(150);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(SandboxPeer.class.getName())))
                .as("the sandbox's JVM is stopped with the run").isEmpty();
    }

    @Test
    void aSandboxHeapThatIsNotASizeIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--growth", "40/150", "--sandbox-xmx", "lots")))
                .hasMessageContaining("--sandbox-xmx takes a heap size like 6g");
    }

    @Test
    void theGrowthModeTakesItsSizesFromTheCommandLine() {
        BenchOptions o = BenchOptions.parse(List.of("--growth", "2000/20000,10000/100000"));
        assertThat(o.growth()).containsExactly(new BenchOptions.Size(2_000, 20_000),
                new BenchOptions.Size(10_000, 100_000));
    }
}
