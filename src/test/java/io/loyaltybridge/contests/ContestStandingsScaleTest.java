package io.loyaltybridge.contests;

import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.ContestStandings;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.PgContestStandings;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The by-hand measurement of contest standings on a generated population: members, ten orders and ten earning
 * entries each, a reversal for one member in ten (plus spending, cashback and prize rows that must not count), all
 * within a year. In the suite it runs small; by hand, 100 000 members:
 * <pre>
 * mvn -B -o test -Dtest=ContestStandingsScaleTest -Dcontests.members=100000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The figures are printed (a line starting "standings:", with the server's CPU time of each first page beside its
 * wall time, since a shared machine's load stretches the latter); the test checks the ranking against the database's own
 * count of members with a positive total, at any size.
 */
class ContestStandingsScaleTest {
    private static final String CONTESTS = """
            contests:
              - {name: year-points, start: 2025-01-01, end: 2025-12-31, measure: points, prizes: [{rank: 1, points: 1}]}
              - {name: year-spend, start: 2025-01-01, end: 2025-12-31, measure: spend, prizes: [{rank: 1, points: 1}]}
              - {name: year-orders, start: 2025-01-01, end: 2025-12-31, measure: orders, prizes: [{rank: 1, points: 1}]}
            """;

    @Test
    void standings_of_a_generated_population_rank_every_member_with_a_positive_total_once() throws SQLException {
        int members = Integer.getInteger("contests.members", 2000);
        Program program = ContestWorld.program(CONTESTS);
        try (Database database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate()) {
            long started = System.nanoTime();
            generate(database, members);
            double generated = (System.nanoTime() - started) / 1e9;
            Transactions tx = new Transactions(database.dataSource());
            PgContestStandings standings = new PgContestStandings(tx, program);
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "standings: %d members, %d ledger entries, %d orders (generated in %.1f s):", members,
                    count(database, "SELECT count(*) FROM ledger_entries"), count(database,
                            "SELECT count(*) FROM orders"), generated));
            ServerCpu cpu = ServerCpu.find();
            for (Contest contest : program.contests()) {
                double cpuBefore = cpu == null ? Double.NaN : cpu.seconds();
                long t = System.nanoTime();
                ContestStandings.Page first = tx.inTransaction(() -> standings.ranks(contest, 0, 50));
                double cold = (System.nanoTime() - t) / 1e9;
                double cpuSeconds = cpu == null ? Double.NaN : cpu.seconds() - cpuBefore;
                t = System.nanoTime();
                tx.inTransaction(() -> standings.ranks(contest, (int) (first.participants() / 2), 50));
                double again = (System.nanoTime() - t) / 1e9;
                line.append(String.format(java.util.Locale.ROOT, " %s %.2f s (server CPU %.2f s; a middle page %.2f s,"
                        + " %d ranked);", contest.measure().wireName(), cold, cpuSeconds, again, first.participants()));
                assertThat(first.ranks()).hasSize(50);
                for (int i = 1; i < first.ranks().size(); i++) {
                    assertThat(first.ranks().get(i).value()).isLessThanOrEqualTo(first.ranks().get(i - 1).value());
                    assertThat(first.ranks().get(i).rank()).isEqualTo(i + 1);
                }
                if (contest.measure() == Contest.Measure.POINTS) {
                    assertThat(first.participants()).isEqualTo(count(database, "SELECT count(*) FROM (SELECT member_id"
                            + " FROM ledger_entries WHERE account = 'points' AND kind IN ('earn', 'reverse')"
                            + " GROUP BY member_id HAVING sum(points) > 0) x"));
                }
            }
            System.out.println(line);
        }
    }

    private static void generate(Database database, int members) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.7)");
            s.execute("INSERT INTO members (email, first_name) SELECT 'm' || g || '@example.com', 'M' || g"
                    + " FROM generate_series(1, " + members + ") g");
            s.execute("INSERT INTO orders (source, external_id, member_id, total, currency, placed_at, status,"
                    + " revision) SELECT 'shop', m.id || '-' || k, m.id, round((5 + random() * 300)::numeric, 2),"
                    + " 'EUR',"
                    + " timestamptz '2025-01-01' + random() * interval '365 days', 'completed', 1"
                    + " FROM members m, generate_series(1, 10) k");
            // Earning at whole seconds, so many members reach the same totals at distinct times.
            s.execute("INSERT INTO ledger_entries (member_id, account, points, kind, reason, source_system,"
                    + " rule_version, created_at, effective_at, operation_key)"
                    + " SELECT m.id, 'points', 1 + (random() * 300)::int, 'earn', 'gen', 'shop', 'v1', now(),"
                    + " date_trunc('second', timestamptz '2025-01-01' + random() * interval '364 days'),"
                    + " 'gen:' || m.id || ':' || k FROM members m, generate_series(1, 10) k");
            // A refund's reversal for one member in ten: their standing needs the running total.
            s.execute("INSERT INTO ledger_entries (member_id, account, points, kind, reason, source_system,"
                    + " rule_version, created_at, effective_at, operation_key)"
                    + " SELECT m.id, 'points', -20, 'reverse', 'gen', 'shop', 'v1', now(), timestamptz '2025-09-01',"
                    + " 'gen-r:' || m.id FROM members m WHERE m.id % 10 = 0");
            // Rows that must not count: spending, cashback and a contest prize.
            s.execute("INSERT INTO ledger_entries (member_id, account, points, kind, reason, source_system,"
                    + " rule_version, created_at, effective_at, operation_key)"
                    + " SELECT m.id, a.account, a.points, a.kind, 'gen', a.source, 'v1', now(),"
                    + " timestamptz '2025-06-01', 'gen-x:' || m.id || ':' || a.account || a.kind FROM members m,"
                    + " (VALUES ('points', -50, 'redeem', 'shop'), ('cashback', 300, 'earn', 'shop'),"
                    + "  ('points', 999, 'bonus', 'contest')) a(account, points, kind, source)");
            s.execute("ANALYZE");
        }
    }

    private static long count(Database database, String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
