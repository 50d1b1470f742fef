package io.loyaltybridge.bench;

import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark at a small scale: the facts its table states must hold, whatever the machine's speed. */
class BenchTest {
    @Test
    void aSmallBenchmarkSettlesEveryOrderConvergesTheCrmAndWritesNothingWhenNothingChanged() {
        BenchOptions options = BenchOptions.defaults().withContacts(200).withOrders(1_000).withRate(20).withSeconds(3)
                .withDbUrl(TestPostgres.freshDatabase());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // A poll every 2 s keeps the no-change run short; at 20 orders a second it barely holds the push back.
        BenchResult r = Bench.run(options, Path.of("").toAbsolutePath(),
                Map.of("loyalty.salesforce.poll.period-seconds", "2"), Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.backfill().contacts()).isEqualTo(200);
        assertThat(r.backfill().orders()).isEqualTo(1_000);
        assertThat(r.checks().ordersInCore()).as("every order settled").isEqualTo(r.checks().ordersInOrg());
        assertThat(r.checks().ledgerMismatches()).isZero();
        assertThat(r.checks().contactsDisagreeing()).as("CRM fields converged").isZero();
        assertThat(r.calls().backfillChanged()).isEqualTo(200);
        assertThat(r.calls().backfillWrites()).isEqualTo(BenchResult.Calls.minimum(200, 200));
        assertThat(r.calls().noChangeReads()).as("the no-change run did poll").isPositive();
        assertThat(r.calls().noChangeWrites()).isZero();
        assertThat(r.calls().noChangeChanged()).isZero();
        assertThat(r.floor().ledgerRows()).isGreaterThan(0);
        assertThat(r.floor().nanos()).isPositive();
        assertThat(r.steady().placed()).isEqualTo(60);
        assertThat(r.steady().seen()).as("every steady-state order reached the CRM").isEqualTo(60);
        assertThat(r.steady().p99Ms()).isGreaterThanOrEqualTo(r.steady().p50Ms()).isPositive();
        assertThat(r.recompute().members()).isEqualTo(200);

        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(table).contains("| backfill / floor", "| Salesforce writes, backfill", "ceil(200/200) = 1",
                "| Salesforce writes, run with no change", "p99", "| recompute tiers + segments");
    }

    @Test
    void badBenchmarkOptionsAreAllNamedAtOnce() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--contacts", "none", "--rate", "0", "--speed", "9")))
                .hasMessageContaining("--contacts must be a whole number").hasMessageContaining("--rate must be")
                .hasMessageContaining("unknown option '--speed'").hasMessageContaining("Usage: bench");
    }
}
