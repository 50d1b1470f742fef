package io.loyaltybridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page's What if panel in headless Chromium: a pasted candidate runs, its progress ends in the two
 * curves and the tier table drawn from the run's own answer; a broken candidate lists every problem with its path;
 * a read token does not see the panel.
 */
class WhatIfBrowserTest {
    private static final Path PROGRAM = Path.of("config/program.yaml");
    private static final String READ_TOKEN = "dashboard-token-0123456789";
    private static Application app;
    private static Http http;
    private static Browser browser;
    private static String inForce;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", PROGRAM.toAbsolutePath().toString()),
                Map.of("LOYALTY_API_TOKENS", "dashboard:read:" + READ_TOKEN));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        String[] people = {"ann", "bob", "cleo", "dan"};
        for (int i = 0; i < 16; i++) {
            Instant placed = Instant.now().minus(Duration.ofDays(20L * i + 1));
            String total = (30 + 45 * i) + ".00";
            Http.Response r = http.post("/api/orders", """
                    {"source":"shop","externalId":"W-%d","member":{"email":"%s@example.com","firstName":"%s"},
                     "total":"%s","currency":"EUR","placedAt":"%s","status":"completed",
                     "lines":[{"sku":"S-%d","category":"shoes","quantity":1,"unitPrice":"%s"}]}"""
                    .formatted(i, people[i % 4], people[i % 4], total, placed, i, total));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        inForce = Files.readString(PROGRAM);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private void paste(String yaml) {
        browser.js("document.getElementById('whatif-text').value = arguments[0];", yaml);
        browser.driver.findElement(By.id("whatif-run")).click();
    }

    @Test
    void a_pasted_candidate_runs_and_the_panel_draws_both_curves_and_the_tier_table_from_its_answer() {
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        browser.waitFor("panel shown", "return !document.getElementById('whatif-panel').hidden;");
        assertThat(inForce).contains("  pointsPerUnit: 1\n");
        paste(inForce.replaceFirst("  pointsPerUnit: 1\n", "  pointsPerUnit: 3\n"));
        browser.waitFor("result shown", "return !document.getElementById('whatif-result').hidden;");
        JsonNode run = http.get("/api/program/what-if/1").json();
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        List<?> now = (List<?>) browser.js("return Chart.getChart(document.getElementById('whatif-issued-chart'))"
                + ".data.datasets[0].data;");
        List<?> candidate = (List<?>) browser.js("return Chart.getChart("
                + "document.getElementById('whatif-issued-chart')).data.datasets[1].data;");
        JsonNode months = run.at("/result/issuedByMonth");
        assertThat(now).hasSize(months.size());
        for (int i = 0; i < months.size(); i++) {
            assertThat(((Number) now.get(i)).longValue()).isEqualTo(months.get(i).path("now").asLong());
            assertThat(((Number) candidate.get(i)).longValue()).isEqualTo(months.get(i).path("candidate").asLong());
        }
        List<?> tiers = (List<?>) browser.js("return Array.from(document.querySelectorAll("
                + "'#whatif-tiers-table tbody tr')).map(r => r.textContent);");
        assertThat(tiers).hasSize(run.at("/result/tiers").size());
        assertThat(browser.driver.findElement(By.id("whatif-rules")).getText())
                .contains("changed earning.pointsPerUnit: 1 → 3");
        assertThat(browser.driver.findElement(By.id("whatif-status")).getText()).contains("4 members", "16 orders");
        browser.screenshots("what-if", 1280, 800);
        browser.screenshots("what-if", 390, 844);
    }

    @Test
    void a_broken_candidate_lists_every_problem_with_its_path_and_a_read_token_does_not_see_the_panel() {
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        browser.waitFor("panel shown", "return !document.getElementById('whatif-panel').hidden;");
        paste(inForce.replaceFirst("currency: EUR", "currency: EURO").replaceFirst("threshold: 500",
                "threshold: -5"));
        browser.waitFor("problems listed", "return document.querySelectorAll('#whatif-problems li').length >= 2;");
        assertThat(browser.driver.findElement(By.id("whatif-problems")).getText()).contains("currency:",
                "tiers.levels[");

        // Only the fragment changes: the page is loaded again so it takes the new token.
        browser.driver.get(app.baseUrl() + "/#token=" + READ_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("signed in as the dashboard", "return /dashboard/.test("
                + "document.getElementById('whoami').textContent);");
        assertThat(browser.js("return document.getElementById('whatif-panel').hidden;")).isEqualTo(true);
    }
}
