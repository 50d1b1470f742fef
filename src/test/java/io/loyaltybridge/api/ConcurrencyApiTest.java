package io.loyaltybridge.api;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyaltybridge.api.ApiFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel requests, against one app and against two apps sharing one database: no point is doubled and no
 * balance goes below zero.
 */
class ConcurrencyApiTest {
    private static ApiFixture fx;
    private static Application second;
    private static Http secondHttp;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
        second = TestApp.start(fx.databaseUrl);
        secondHttp = new Http(second.baseUrl(), TestApp.TOKEN);
    }

    @AfterAll
    static void stop() {
        second.close();
        fx.close();
    }

    /** Runs every task at the same moment and returns their results. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fifty_parallel_submissions_of_one_new_order_write_one_earn_entry() throws Exception {
        String body = order("fifty@example.com", "P-50", "250.00", "completed", "");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Http client = i % 2 == 0 ? fx.http : secondHttp;
            tasks.add(() -> client.post("/api/orders", body).status());
        }
        List<Integer> statuses = together(tasks);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(49);
        assertThat(Db.longValue(fx.databaseUrl, "SELECT count(*) FROM ledger_entries e JOIN orders o ON o.id = e.order_id"
                + " WHERE o.external_id = 'P-50'")).isEqualTo(1);
        assertThat(Db.longValue(fx.databaseUrl, "SELECT count(*) FROM members WHERE lower(email) = 'fifty@example.com'"))
                .isEqualTo(1);
        assertThat(fx.http.get("/api/members?email=fifty@example.com").json().get("balance").asLong()).isEqualTo(250);
    }

    @Test
    void twenty_parallel_redemptions_on_two_instances_never_take_the_balance_below_zero() throws Exception {
        long member = fx.memberWith("twenty@example.com", 100);
        List<Callable<Http.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http client = i % 2 == 0 ? fx.http : secondHttp;
            String body = "{\"points\":15,\"reason\":\"race\",\"idempotencyKey\":\"race-" + i + "\"}";
            tasks.add(() -> client.post("/api/members/" + member + "/redemptions", body));
        }
        List<Http.Response> responses = together(tasks);
        List<Http.Response> granted = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(granted).hasSize(6);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(14)
                .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("insufficient_balance"));
        long redeemed = granted.stream().mapToLong(r -> -r.json().at("/entry/points").asLong()).sum();
        assertThat(redeemed).isEqualTo(90);
        assertThat(fx.http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(10);
        assertThat(Db.longValue(fx.databaseUrl, "SELECT min(available) FROM member_balances")).isNotNegative();
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void the_same_redemption_key_sent_in_parallel_redeems_once() throws Exception {
        long member = fx.memberWith("samekey@example.com", 100);
        String body = "{\"points\":40,\"reason\":\"race\",\"idempotencyKey\":\"one-key\"}";
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Http client = i % 2 == 0 ? fx.http : secondHttp;
            tasks.add(() -> client.post("/api/members/" + member + "/redemptions", body).status());
        }
        assertThat(together(tasks)).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(fx.http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(60);
    }
}
