package io.loyaltybridge.contests;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.domain.program.jobs.JobReport;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contest close job on the real application and database: each prized rank granted once with its points, badge,
 * contest_won event and audit entry, and nothing more on a rerun, after a restart (a second instance on the same
 * database) or with two instances closing at the same moment.
 */
class ContestCloseTest {
    private static final String CONTESTS = """
            contests:
              - name: may-spend
                start: 2026-05-01
                end: 2026-05-31
                measure: spend
                minimum: 10
                prizes:
                  - {rank: 1, points: 1000, badge: may-champion}
                  - {rank: 2, toRank: 3, points: 300}
                  - {rank: 4, badge: may-finalist}
            """;
    /** Two days after the contest's end. */
    private static final Clock AFTER = Clock.fixed(Instant.parse("2026-06-02T08:00:00Z"), ZoneOffset.UTC);
    private static Path programFile;

    @BeforeAll
    static void programFile() throws IOException {
        programFile = Files.createTempFile("contests", ".yaml");
        Files.writeString(programFile, ContestWorld.programText(CONTESTS));
    }

    @AfterAll
    static void remove() throws IOException {
        Files.deleteIfExists(programFile);
    }

    private static Application start(String databaseUrl) {
        return TestApp.start(Map.of("loyalty.db.url", databaseUrl, "loyalty.program.file", programFile.toString()),
                Map.of(), AFTER);
    }

    /** Six buyers in May: ana 500, bo 400, cy 300 (twice 150), dee 300 (reached later), eve 200, fay 5 (under 10). */
    private static void orders(Application app) {
        Http http = new Http(app.baseUrl(), TestApp.TOKEN);
        String[][] orders = {{"ana", "500.00", "2026-05-03T10:00:00Z"}, {"bo", "400.00", "2026-05-04T10:00:00Z"},
                {"cy", "150.00", "2026-05-05T10:00:00Z"}, {"cy", "150.00", "2026-05-06T10:00:00Z"},
                {"dee", "300.00", "2026-05-07T10:00:00Z"}, {"eve", "200.00", "2026-05-08T10:00:00Z"},
                {"fay", "9.00", "2026-05-09T10:00:00Z"}, {"gil", "900.00", "2026-06-01T10:00:00Z"}};
        for (int i = 0; i < orders.length; i++) {
            String body = """
                    {"source":"shop","externalId":"C-%d","member":{"email":"%s@example.com","firstName":"%s"},
                     "total":%s,"currency":"EUR","placedAt":"%s","status":"completed",
                     "lines":[{"sku":"SKU-1","category":"shoes","quantity":1,"unitPrice":%s}]}"""
                    .formatted(i, orders[i][0], orders[i][0], orders[i][1], orders[i][2], orders[i][1]);
            Http.Response r = http.post("/api/orders", body);
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
    }

    private static List<String> prizes(String url) {
        return Db.rows(url, "SELECT p.rank, m.first_name, p.value::numeric(18,2), p.points, p.badge"
                + " FROM contest_prizes p JOIN members m ON m.id = p.member_id ORDER BY p.rank");
    }

    private static List<String> prizeEntries(String url) {
        return Db.rows(url, "SELECT m.first_name, e.points, e.kind, e.reason, e.operation_key FROM ledger_entries e"
                + " JOIN members m ON m.id = e.member_id WHERE e.source_system = 'contest' ORDER BY e.operation_key");
    }

    private static void grantedOnce(String url) {
        assertThat(prizes(url)).containsExactly(
                "1 | ana | 500.00 | 1000 | may-champion",
                "2 | bo | 400.00 | 300 | null",
                "3 | cy | 300.00 | 300 | null",
                "4 | dee | 300.00 | 0 | may-finalist");
        assertThat(prizeEntries(url)).containsExactly(
                "ana | 1000 | bonus | Contest may-spend: rank 1 prize | contest:may-spend:rank:1",
                "bo | 300 | bonus | Contest may-spend: rank 2 prize | contest:may-spend:rank:2",
                "cy | 300 | bonus | Contest may-spend: rank 3 prize | contest:may-spend:rank:3");
        assertThat(Db.rows(url, "SELECT m.first_name, b.badge_id FROM member_badges b JOIN members m"
                + " ON m.id = b.member_id WHERE b.badge_id LIKE 'may-%' ORDER BY 1"))
                .containsExactly("ana | may-champion", "dee | may-finalist");
        assertThat(Db.rows(url, "SELECT m.first_name, e.data->>'rank', e.data->>'points', e.data->>'badge'"
                + " FROM member_events e JOIN members m ON m.id = e.member_id WHERE e.event_type = 'contest_won'"
                + " ORDER BY 2")).containsExactly("ana | 1 | 1000 | may-champion", "bo | 2 | 300 | ",
                "cy | 3 | 300 | ", "dee | 4 | 0 | may-finalist");
        assertThat(Db.rows(url, "SELECT actor, action, target, details->>'rank' FROM audit_log"
                + " WHERE action = 'contest.prize' ORDER BY 4")).containsExactly(
                "job:contest-close | contest.prize | contest:may-spend | 1",
                "job:contest-close | contest.prize | contest:may-spend | 2",
                "job:contest-close | contest.prize | contest:may-spend | 3",
                "job:contest-close | contest.prize | contest:may-spend | 4");
        assertThat(Db.rows(url, "SELECT contest, participants FROM contest_closures"))
                .as("fay's 9 EUR is under the minimum order, gil bought after the end").containsExactly("may-spend | 5");
    }

    @Test
    void the_prizes_are_granted_once_and_neither_a_rerun_nor_a_restart_grants_them_again() {
        String url = TestPostgres.freshDatabase();
        try (Application first = start(url)) {
            orders(first);
            JobReport report = first.core().jobs().contestClose();
            assertThat(report.changes()).isEqualTo(4);
            grantedOnce(url);
            assertThat(first.core().jobs().contestClose().changes()).as("a rerun").isZero();
            grantedOnce(url);
        }
        try (Application second = start(url)) {
            // A late order inside the dates would change the ranking, but the contest is closed for good.
            new Http(second.baseUrl(), TestApp.TOKEN).post("/api/orders", """
                    {"source":"shop","externalId":"C-late","member":{"email":"hal@example.com","firstName":"hal"},
                     "total":2000.00,"currency":"EUR","placedAt":"2026-05-30T10:00:00Z","status":"completed",
                     "lines":[{"sku":"SKU-1","category":"shoes","quantity":1,"unitPrice":2000.00}]}""");
            assertThat(second.core().jobs().contestClose().changes()).as("after a restart").isZero();
            grantedOnce(url);
            assertThat(second.ledgerCheck().mismatches()).isEmpty();
        }
    }

    @Test
    void two_instances_closing_at_the_same_moment_grant_each_prize_once() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (Application a = start(url); Application b = start(url)) {
            orders(a);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<JobReport> onA = CompletableFuture.supplyAsync(() -> {
                await(together);
                return a.core().jobs().contestClose();
            });
            CompletableFuture<JobReport> onB = CompletableFuture.supplyAsync(() -> {
                await(together);
                return b.core().jobs().contestClose();
            });
            assertThat(onA.get().changes() + onB.get().changes()).isEqualTo(4);
            grantedOnce(url);
            assertThat(b.core().jobs().contestClose().changes()).isZero();
            grantedOnce(url);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
