package io.loyaltybridge.web;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.contests.ContestWorld;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contests panel and the member's contests on the status page in headless Chromium: each contest with its state
 * and top ranks as the API gives them, and a looked-up member's own rank in each started contest.
 */
class ContestsBrowserTest {
    private static final String CONTESTS = """
            contests:
              - {name: may-spend, description: May spend, start: 2026-05-01, end: 2026-05-31, measure: spend,
                 prizes: [{rank: 1, points: 100, badge: may-champion}]}
              - {name: july-points, description: July points, start: 2026-07-01, end: 2026-07-31, measure: points,
                 prizes: [{rank: 1, points: 1}]}
            """;
    private static Path programFile;
    private static Application app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        programFile = Files.createTempFile("contests-browser", ".yaml");
        Files.writeString(programFile, ContestWorld.programText(CONTESTS));
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(), "loyalty.program.file",
                programFile.toString()), Map.of(), Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC));
        Http http = new Http(app.baseUrl(), TestApp.TOKEN);
        String[] people = {"ann", "bob", "cleo"};
        for (int i = 0; i < people.length; i++) {
            String total = (100 + 50 * i) + ".00";
            Http.Response r = http.post("/api/orders", """
                    {"source":"shop","externalId":"B-%d","member":{"email":"%s@example.com","firstName":"%s"},
                     "total":"%s","currency":"EUR","placedAt":"2026-05-1%dT10:00:00Z","status":"completed",
                     "lines":[{"sku":"S-%d","category":"shoes","quantity":1,"unitPrice":"%s"}]}"""
                    .formatted(i, people[i], people[i], total, i, i, total));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        Files.deleteIfExists(programFile);
    }

    @Test
    void the_panel_lists_each_contest_with_its_top_ranks_and_a_looked_up_member_sees_their_own_rank() {
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        browser.waitFor("contests shown", "return !document.getElementById('contests-panel').hidden"
                + " && document.querySelectorAll('[data-contest]').length === 2;");
        String may = (String) browser.js("return document.querySelector('[data-contest=\"may-spend\"]').innerText;");
        assertThat(may).contains("May spend", "ended", "3 taking part", "cleo", "100 points + badge may-champion");
        assertThat(may.indexOf("cleo")).as("highest spend first").isLessThan(may.indexOf("bob"));
        String july = (String) browser.js("return document.querySelector('[data-contest=\"july-points\"]').innerText;");
        assertThat(july).contains("upcoming", "Not started yet.");

        browser.js("document.getElementById('lookup-input').value = 'ann@example.com';");
        browser.driver.findElement(By.cssSelector("#lookup-form button[type=submit]")).click();
        browser.waitFor("member contests shown",
                "const r = document.querySelector('[data-contest-rank=\"May spend\"]');"
                        + " return r !== null && r.textContent.length > 0;");
        assertThat((String) browser.js("return document.querySelector('[data-contest-rank=\"May spend\"]')"
                + ".textContent;")).isEqualTo("3 of 3");
        assertThat((String) browser.js("return document.getElementById('member-contests').innerText;"))
                .doesNotContain("July points");
    }
}
