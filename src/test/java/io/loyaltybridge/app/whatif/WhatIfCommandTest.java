package io.loyaltybridge.app.whatif;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.Tables;
import io.loyaltybridge.support.TestPostgres;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code what-if} from the command line, in process: against a database given by {@code --db-url} it prints the
 * comparison and writes every member as CSV, changing nothing; a bad candidate is refused with every problem and
 * its path, exit code 2, before anything is read.
 */
class WhatIfCommandTest {
    private static final Path PROGRAM = Path.of("src/test/resources/programs/rich.yaml");
    private static final Instant NOW = Instant.now();
    private static String url;
    private static Database database;

    @TempDir
    Path folder;

    @BeforeAll
    static void seed() {
        url = TestPostgres.freshDatabase();
        database = Database.connect(url, null, null, 2).migrate();
        Program program = ProgramFile.load(PROGRAM);
        Core core = Core.assemble(database.dataSource(), program, Clock.systemUTC());
        OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        List<InboundContact> people = new ArrayList<>();
        List<InboundOrder> bought = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(new InboundContact("shopcrm", "C" + i, "c" + i + "@example.com", "C", "L", null, null, false,
                    NOW.minus(Duration.ofDays(400)), Map.of()));
            for (int j = 0; j < 3; j++) {
                bought.add(new InboundOrder("shopcrm", "O" + i + "-" + j, "C" + i, new BigDecimal(60 + 110 * i + j),
                        "EUR", NOW.minus(Duration.ofDays(30L * j + i + 1)), OrderStatus.COMPLETED, BigDecimal.ZERO,
                        List.of(), NOW.minus(Duration.ofHours(1))));
            }
        }
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders).apply(people, null);
        orders.apply(bought, null);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WhatIfCommand.run(List.of(args), Path.of("").toAbsolutePath(),
                Map.of("loyalty.program.file", PROGRAM.toAbsolutePath().toString()), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void it_prints_the_comparison_and_writes_every_member_as_csv_without_changing_the_database() throws Exception {
        Path candidate = folder.resolve("candidate.yaml");
        String inForce = Files.readString(PROGRAM);
        assertThat(inForce).contains("  pointsPerUnit: 1\n");
        Files.writeString(candidate, inForce.replaceFirst("  pointsPerUnit: 1\n", "  pointsPerUnit: 2\n"));
        Path csv = folder.resolve("members.csv");
        Map<String, Long> before = Tables.counts(url);

        Outcome outcome = run("--program", candidate.toString(), "--db-url", url, "--csv", csv.toString());

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("5 members, 15 orders", "| points owed (available + pending) |",
                "changed earning.pointsPerUnit: 1 → 2", "| month | points issued now | under the candidate |");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo(WhatIfCsv.HEADER.strip());
        assertThat(rows).hasSize(6);
        // Twice the points per euro: every member's points under the candidate are at least what they are now.
        rows.subList(1, rows.size()).forEach(row -> {
            String[] cells = row.split(",");
            assertThat(Long.parseLong(cells[2])).as(row).isGreaterThan(Long.parseLong(cells[1]));
        });
        assertThat(Tables.counts(url)).isEqualTo(before);
    }

    @Test
    void a_bad_candidate_or_bad_arguments_end_with_code_2_naming_every_problem() throws Exception {
        Path candidate = folder.resolve("bad.yaml");
        Files.writeString(candidate, Files.readString(PROGRAM).replaceFirst("currency: EUR", "currency: EURO")
                .replaceFirst("threshold: 500", "threshold: -5"));
        Outcome bad = run("--program", candidate.toString(), "--db-url", url);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("currency:", "tiers.levels[", "nothing was replayed");
        assertThat(run("--from", "2026-01-01").err()).contains("--program is required");
        assertThat(run("--program", candidate.toString(), "--from", "soon").err()).contains("--from must be a day");
    }
}
