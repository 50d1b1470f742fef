package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.Tables;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if over real HTTP: a candidate program file posted as YAML is checked, run in the background (202, then
 * progress and the comparison), its members read as CSV, its start audited; a bad file is a 400 listing every problem
 * with its path; a second run while one is going is a 409; only manager and admin tokens may ask. Nothing it does
 * changes the ledger.
 */
class WhatIfApiTest {
    private static final String MANAGER = "manager-token-0123456789abcdef";
    private static final String SUPPORT = "support-token-0123456789abcdef";
    private static String databaseUrl;
    private static Application app;
    private static Http manager;
    private static Http support;
    private static String inForce;

    @BeforeAll
    static void start() throws Exception {
        databaseUrl = TestPostgres.freshDatabase();
        app = TestApp.start(Map.of("loyalty.db.url", databaseUrl, "loyalty.program.file",
                RichFixture.RICH_PROGRAM.toAbsolutePath().toString()), Map.of("LOYALTY_API_TOKENS",
                "the-manager:manager:" + MANAGER + ",the-support:support:" + SUPPORT));
        manager = new Http(app.baseUrl(), MANAGER);
        support = new Http(app.baseUrl(), SUPPORT);
        Http admin = new Http(app.baseUrl(), TestApp.TOKEN);
        for (int i = 0; i < 12; i++) {
            Http.Response order = admin.post("/api/orders", ApiFixture.order("w" + (i % 4) + "@example.com",
                    "W-" + i, (40 + 35 * i) + ".00", "completed", ""));
            assertThat(order.status()).as(order.text()).isEqualTo(201);
        }
        inForce = Files.readString(RichFixture.RICH_PROGRAM);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Http.Response postYaml(Http as, String query, String yaml) {
        return as.send(as.builder("/api/program/what-if" + query).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build());
    }

    private static String doubledPoints() {
        assertThat(inForce).contains("  pointsPerUnit: 1\n");
        return inForce.replaceFirst("  pointsPerUnit: 1\n", "  pointsPerUnit: 2\n");
    }

    private static JsonNode toTheEnd(long id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = manager.get("/api/program/what-if/" + id).json();
            if (!run.path("state").asText().equals("running")) {
                return run;
            }
            sleepBriefly();
        }
        throw new AssertionError("what-if run " + id + " did not end within two minutes");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_candidate_runs_in_the_background_and_its_comparison_and_members_are_read_back_with_the_ledger_untouched() {
        Map<String, Long> before = new java.util.TreeMap<>(Tables.counts(databaseUrl));
        Http.Response started = postYaml(manager, "", doubledPoints());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.json().at("/links/self").asText()).isEqualTo("/api/program/what-if/" + id);
        JsonNode run = toTheEnd(id);
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(run.at("/progress/ordersDone").asLong()).isEqualTo(12);
        assertThat(run.path("rulesChanged").toString()).contains("changed earning.pointsPerUnit: 1 → 2");
        JsonNode result = run.path("result");
        assertThat(result.path("members").asLong()).isEqualTo(4);
        assertThat(result.path("orders").asLong()).isEqualTo(12);
        long now = result.at("/totals/now/liabilityPoints").asLong();
        assertThat(now).isPositive();
        assertThat(result.at("/totals/candidate/liabilityPoints").asLong()).isGreaterThan(now);
        assertThat(result.at("/totals/candidate/cashbackMinor").asLong())
                .isEqualTo(result.at("/totals/now/cashbackMinor").asLong());
        assertThat(result.path("largestChanges")).hasSize(4);
        assertThat(result.path("issuedByMonth")).isNotEmpty();

        Http.Response csv = manager.get("/api/program/what-if/" + id + "/members");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).startsWith("member_id,points_now,points_candidate");
        assertThat(lines).hasSize(5);

        assertThat(Db.rows(databaseUrl, "SELECT actor, target FROM audit_log WHERE action = 'program.what-if'"))
                .contains("the-manager | what-if:" + id);
        Map<String, Long> after = new java.util.TreeMap<>(Tables.counts(databaseUrl));
        after.remove("audit_log");
        before.remove("audit_log");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_bad_candidate_is_refused_with_every_problem_and_its_path_and_nothing_runs() {
        String bad = inForce.replaceFirst("currency: EUR", "currency: EURO").replaceFirst("threshold: 500",
                "threshold: -5");
        Http.Response refused = postYaml(manager, "", bad);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("currency").anyMatch(f -> f.startsWith("tiers.levels["));
        Http.Response notYaml = postYaml(manager, "", "tiers: [unclosed");
        assertThat(notYaml.status()).isEqualTo(400);
        Http.Response badDay = postYaml(manager, "?from=yesterday", doubledPoints());
        assertThat(badDay.errorFields()).containsExactly("from");
        Http.Response json = manager.post("/api/program/what-if", "{}");
        assertThat(json.status()).isEqualTo(415);
    }

    @Test
    void a_second_run_while_one_is_going_is_refused_with_409() throws Exception {
        // Another session holds the orders table: the run waits on its first read until the test lets it go.
        try (Connection holder = DriverManager.getConnection(databaseUrl); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
            Http.Response first = postYaml(manager, "", doubledPoints());
            assertThat(first.status()).as(first.text()).isEqualTo(202);
            Http.Response second = postYaml(manager, "", doubledPoints());
            assertThat(second.status()).as(second.text()).isEqualTo(409);
            assertThat(second.json().path("code").asText()).isEqualTo("what_if_running");
            assertThat(manager.get("/api/program/what-if/" + first.json().get("id").asLong()).json()
                    .path("state").asText()).isEqualTo("running");
            holder.rollback();
            assertThat(toTheEnd(first.json().get("id").asLong()).path("state").asText()).isEqualTo("succeeded");
        }
        Http.Response after = postYaml(manager, "", doubledPoints());
        assertThat(after.status()).isEqualTo(202);
        toTheEnd(after.json().get("id").asLong());
    }

    @Test
    void a_support_token_may_neither_start_nor_read_a_run_and_an_admin_token_may() {
        List<Integer> refused = new ArrayList<>();
        refused.add(postYaml(support, "", doubledPoints()).status());
        refused.add(support.get("/api/program/what-if/1").status());
        refused.add(support.get("/api/program/what-if/1/members").status());
        assertThat(refused).containsOnly(403);
        Http.Response byAdmin = postYaml(new Http(app.baseUrl(), TestApp.TOKEN), "", doubledPoints());
        assertThat(byAdmin.status()).isIn(202, 409);
        if (byAdmin.status() == 202) {
            toTheEnd(byAdmin.json().get("id").asLong());
        }
        assertThat(manager.get("/api/program/what-if/987654").status()).isEqualTo(404);
    }
}
