package io.loyaltybridge.recompute;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.program.jobs.JobReport;
import io.loyaltybridge.notify.NotifyOptions;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The by-hand measurement of the segments-and-CLTV recompute: a generated population, the job timed on it twice.
 * In the suite it runs small; by hand, e.g. 100 000 members and 1 000 000 orders with a bounded heap:
 * <pre>
 * mvn -B -o test -Dtest=RecomputeScaleTest -Drecompute.members=100000 -Drecompute.orders=1000000 \
 *     -DargLine=-Xmx512m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The figures are printed (one line starting "recompute:"); the test asserts what must hold at any size.
 */
class RecomputeScaleTest {
    static final Path PROGRAM = Path.of("src/test/resources/programs/segments.yaml");
    static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void the_recompute_of_a_generated_population_stores_every_member_once_and_a_second_run_changes_nothing() {
        int members = Integer.getInteger("recompute.members", 1000);
        int orders = Integer.getInteger("recompute.orders", members * 10);
        try (Database database = Database.connect(TestPostgres.freshDatabase(), null, null, 10).migrate()) {
            long started = System.nanoTime();
            GeneratedPopulation.generate(database, members, orders);
            double generated = seconds(started);
            // Win-back notifications on, for both CRMs: a first run records an event per member at risk.
            Core core = Core.assemble(database.dataSource(), ProgramFile.load(PROGRAM), TODAY,
                    new NotifyOptions(Set.of("salesforce", "hubspot"), false, "medium"));

            CpuClock cpu = CpuClock.start();
            started = System.nanoTime();
            JobReport first = core.jobs().segmentsAndCltv();
            double firstRun = seconds(started);
            String firstCpu = cpu.since();
            long queued = count(database, "SELECT count(DISTINCT member_id) FROM crm_outbox");
            long events = count(database, "SELECT count(*) FROM member_events WHERE event_type = 'win_back'");
            cpu = CpuClock.start();
            started = System.nanoTime();
            JobReport second = core.jobs().segmentsAndCltv();
            double secondRun = seconds(started);
            System.out.printf("recompute: %d members, %d orders: generated in %.1f s; first run %.2f s (%d changed,"
                            + " %d win-back events; CPU %s), second run %.2f s (%d changed; CPU %s); heap max %d MB%n",
                    members, orders, generated, firstRun, first.changes(), events, firstCpu, secondRun,
                    second.changes(), cpu.since(), Runtime.getRuntime().maxMemory() >> 20);

            assertThat(count(database, "SELECT count(*) FROM member_segments")).isEqualTo(members);
            assertThat(first.changes()).isEqualTo(members);
            assertThat(queued).as("members with a live CRM identity are queued for the CRMs")
                    .isEqualTo(count(database, "SELECT count(DISTINCT member_id) FROM member_identities WHERE NOT deleted"));
            assertThat(events).as("one win-back event per member found at risk")
                    .isEqualTo(count(database, "SELECT count(*) FROM member_segments WHERE churn_risk IN ('medium', 'high')"))
                    .isPositive();
            assertThat(count(database, "SELECT count(*) FROM notification_deliveries"))
                    .as("a delivery per event and CRM holding a record of the member, as a single event gets")
                    .isEqualTo(count(database, "SELECT count(*) FROM member_events e JOIN member_identities i"
                            + " ON i.member_id = e.member_id"));
            assertThat(second.changes()).isZero();
            assertThat(count(database, "SELECT count(*) FROM member_events")).isEqualTo(events);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static long count(Database database, String query) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
