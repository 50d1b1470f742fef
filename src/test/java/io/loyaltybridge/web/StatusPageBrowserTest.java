package io.loyaltybridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in headless Chromium against the real app on the shipped program: charts drawn from real data,
 * a member looked up with the same numbers as the API, a dead letter replayed, screenshots for a human to look at.
 */
class StatusPageBrowserTest {
    private static final Instant NOW = Instant.now();
    private static final String READ_TOKEN = "dashboard-token-0123456789";
    private static final String SUPPORT_TOKEN = "agent-token-0123456789";
    private static final String INGEST_TOKEN = "shop-token-0123456789";
    private static Application app;
    private static Http http;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", Path.of("config/program.yaml").toAbsolutePath().toString()),
                Map.of("LOYALTY_API_TOKENS", "dashboard:read:" + READ_TOKEN + ",agent:support:" + SUPPORT_TOKEN
                        + ",shop:ingest:" + INGEST_TOKEN));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        seed();
        browser = Browser.start();
    }

    /** Members with orders over the last months, a redemption, the jobs run, and a CRM stream with a dead letter. */
    private static void seed() {
        String[][] orders = {{"ann", "300", "320.00"}, {"ann", "200", "80.00"}, {"ann", "120", "260.00"},
                {"ann", "40", "95.00"}, {"bob", "250", "40.00"}, {"bob", "30", "610.00"}, {"cleo", "150", "70.00"},
                {"dan", "20", "15.00"}, {"eve", "60", "1250.00"}, {"eve", "25", "300.00"}};
        for (int i = 0; i < orders.length; i++) {
            Instant placed = NOW.minus(Duration.ofDays(Long.parseLong(orders[i][1])));
            Http.Response r = http.post("/api/orders", """
                    {"source":"shop","externalId":"B-%d","member":{"email":"%s@example.com","firstName":"%s"},
                     "total":"%s","currency":"EUR","placedAt":"%s","status":"completed",
                     "lines":[{"sku":"S-%d","category":"shoes","quantity":1,"unitPrice":"%s"}]}"""
                    .formatted(i, orders[i][0], orders[i][0], orders[i][2], placed, i, orders[i][2]));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        Core core = app.core();
        core.jobs().pendingRelease();
        long ann = member("ann@example.com").get("id").asLong();
        Http.Response redeemed = http.post("/api/members/" + ann + "/redemptions",
                "{\"points\":300,\"reason\":\"voucher\",\"idempotencyKey\":\"browser-1\"}");
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        Http.Response granted = http.send(http.builder("/api/members/" + ann + "/tier-grant")
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"tier\":\"gold\",\"reason\":\"key account\"}")).build());
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        core.jobs().tierAssessment();
        core.jobs().segmentsAndCltv();
        core.jobs().expiry();
        OrderIngest ingest = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), ingest).apply(List.of(new InboundContact(
                "hubspot", "C-1", "ann@example.com", "Ann", "A", null, null, false, NOW, Map.of())),
                new SourceCursor("hubspot", "contact", NOW.minusSeconds(30)));
        ingest.apply(List.of(new InboundOrder("hubspot", "D-1", "NOBODY", new BigDecimal("25"), "EUR", NOW,
                OrderStatus.COMPLETED, BigDecimal.ZERO, List.of(), NOW)), new SourceCursor("hubspot", "order", NOW));
        // A push of one contact in one call, and a first sync cut short after 4 of 10 records.
        core.transactions().inTransaction(() -> {
            core.syncStores().sources().pushed("hubspot", 1, 1);
            return null;
        });
        var cut = core.progress().start("HubSpot first sync: orders", 10);
        cut.advance(4);
        cut.stop();
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

    private static JsonNode member(String email) {
        return http.get("/api/members?email=" + email).json();
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9-]", "");
    }

    @Test
    void the_sync_table_shows_each_streams_figures_as_the_api_gives_them() {
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        browser.waitFor("sync table drawn", "return document.querySelectorAll('#sync-systems tbody tr').length >= 3;");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> rows = (List<Map<String, String>>) browser.js("""
                return [...document.querySelectorAll('#sync-systems tbody tr')].map(tr => Object.fromEntries(
                  [...tr.querySelectorAll('td')].map(td => [td.dataset.label, td.textContent.trim()])));""");
        JsonNode streams = http.get("/api/sync/status").json().at("/systems/hubspot/streams");
        for (JsonNode stream : streams) {
            Map<String, String> row = rows.stream().filter(r -> stream.get("object").asText().equals(r.get("Stream")))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + stream + " in " + rows));
            assertThat(row.get("In / out")).isEqualTo(stream.get("recordsIn").asLong() + " / "
                    + stream.get("recordsOut").asLong());
            assertThat(row.get("API calls")).isEqualTo(stream.get("apiCalls").asText());
            assertThat(row.get("Errors")).isEqualTo(stream.get("errors").asText());
            assertThat(row.get("Backfill")).as(stream.get("object").asText()).isEqualTo(
                    stream.get("backfillDone").isNull() ? "—" : stream.get("backfillDone").asBoolean() ? "done" : "not yet");
        }
        assertThat(rows).filteredOn(r -> "push".equals(r.get("Stream"))).singleElement().satisfies(push -> {
            assertThat(push.get("Direction")).isEqualTo("outbound");
            assertThat(push.get("Backfill")).as("the push has no backfill").isEqualTo("—");
            assertThat(push.get("In / out")).isEqualTo("0 / 1");
        });
        assertThat(browser.driver.findElement(By.cssSelector("[data-work='HubSpot first sync: orders']")).getText())
                .isEqualTo("HubSpot first sync: orders: 4 of 10 — stopped, carries on at the next run");
    }

    @Test
    void the_page_draws_the_charts_looks_a_member_up_with_the_api_numbers_and_replays_a_dead_letter() {
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        for (String chart : List.of("tiers-chart", "segments-chart", "points-chart")) {
            browser.waitFor(chart + " drawn with data", """
                    const canvas = document.getElementById(arguments[0]);
                    const chart = window.Chart && Chart.getChart(canvas);
                    if (!chart || canvas.width === 0) return false;
                    const total = chart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0);
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let painted = 0;
                    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                    return total > 0 && painted > 500;""", chart);
        }
        assertThat(browser.driver.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
        JsonNode kpis = http.get("/api/kpis").json();
        assertThat(digits(browser.driver.findElement(By.cssSelector("[data-kpi=members]")).getText()))
                .startsWith(kpis.get("members").asText());
        assertThat(browser.js("return Chart.getChart(document.getElementById('points-chart')).data.datasets[1].data"
                + ".reduce((a, b) => a + b, 0)")).as("redeemed").isEqualTo(kpis.at("/points/redeemed").asLong());

        WebElement lookup = browser.driver.findElement(By.id("lookup-input"));
        lookup.sendKeys("ann@example.com", Keys.ENTER);
        browser.waitFor("profile shown", "return !!document.querySelector('[data-field=balance]');");
        JsonNode ann = member("ann@example.com");
        assertThat(digits(field("balance"))).isEqualTo(ann.get("balance").asText());
        assertThat(digits(field("pendingPoints"))).isEqualTo(ann.get("pendingPoints").asText());
        assertThat(digits(field("lifetimePoints"))).isEqualTo(ann.get("lifetimePoints").asText());
        assertThat(field("tier")).isEqualTo(ann.at("/tier/name").asText());
        assertThat(field("tierGrant")).isEqualTo("at least gold until revoked (by api-token: key account)");
        assertThat(digits(field("cashback"))).as("in the program's money format")
                .isEqualTo(digits(ann.at("/cashback/balance").asText()));
        assertThat(field("cashback")).endsWith("€");
        assertThat(browser.driver.findElements(By.cssSelector("#explanation li"))).isNotEmpty();
        assertCrmAgrees(ann.get("id").asLong());

        browser.screenshots("status-page", 1280, 800);
        browser.screenshots("status-page", 390, 844);

        browser.driver.findElement(By.cssSelector("#dead-letters button")).click();
        browser.waitFor("replay answered", "return /D-1/.test(document.getElementById('replay-result').textContent);");
        assertThat(browser.driver.findElement(By.id("replay-result")).getText())
                .as("the order still waits for its contact").contains("failed");
    }

    @Test
    void without_a_token_the_page_asks_for_one_and_asks_again_when_the_api_refuses_it() {
        browser.driver.get(app.baseUrl() + "/");
        browser.js("sessionStorage.clear();");
        browser.driver.navigate().refresh();
        browser.waitFor("token form shown", "return !document.getElementById('token-panel').hidden;");
        assertThat(browser.js("return document.activeElement.id;")).as("focus on the token field")
                .isEqualTo("token-input");
        browser.driver.findElement(By.id("token-input")).sendKeys("not-the-token-at-all", Keys.ENTER);
        browser.waitFor("asked again", "return !document.getElementById('token-panel').hidden"
                + " && /refused/.test(document.getElementById('page-error').textContent);");
        browser.driver.findElement(By.id("token-input")).sendKeys(TestApp.TOKEN, Keys.ENTER);
        browser.waitFor("dashboard shown", "return !document.getElementById('dashboard').hidden"
                + " && !!Chart.getChart(document.getElementById('tiers-chart'));");
        assertThat(browser.js("return sessionStorage.getItem('loyaltybridge.token');")).isEqualTo(TestApp.TOKEN);
    }

    @Test
    void the_page_shows_only_what_the_tokens_role_may_call_as_get_api_me_says() {
        browser.driver.get(app.baseUrl() + "/");
        browser.js("sessionStorage.clear();");
        browser.driver.get(app.baseUrl() + "/#token=" + READ_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("read: figures shown", "return !!Chart.getChart(document.getElementById('tiers-chart'))"
                + " && /dashboard \\(read\\)/.test(document.getElementById('whoami').textContent);");
        assertThat(browser.js("return [document.getElementById('sync-panel').hidden,"
                + " document.getElementById('dl-panel').hidden, document.getElementById('lookup-panel').hidden]"))
                .as("sync shown; dead letters and member lookup hidden").isEqualTo(List.of(false, true, true));

        browser.js("sessionStorage.clear();");
        browser.driver.get(app.baseUrl() + "/#token=" + SUPPORT_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("support: lookup shown", "return /agent \\(support\\)/.test("
                + "document.getElementById('whoami').textContent) && !document.getElementById('lookup-panel').hidden;");
        assertThat(browser.js("return document.getElementById('dl-panel').hidden;")).isEqualTo(true);
        browser.driver.findElement(By.id("lookup-input")).sendKeys("ann@example.com", Keys.ENTER);
        browser.waitFor("profile shown", "return !!document.querySelector('[data-field=balance]');");

        browser.js("sessionStorage.clear();");
        browser.driver.get(app.baseUrl() + "/#token=" + INGEST_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("ingest: nothing to show", "return /shop \\(ingest\\)/.test("
                + "document.getElementById('whoami').textContent)"
                + " && !document.getElementById('nothing-to-show').hidden;");
        assertThat(browser.js("return ['sync-panel', 'dl-panel', 'program-panel', 'lookup-panel']"
                + ".every((id) => document.getElementById(id).hidden);")).isEqualTo(true);
    }

    private static String field(String name) {
        return browser.driver.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
    }

    /** Each CRM field shown equals the core's; with no CRM connected the page says so. */
    private static void assertCrmAgrees(long member) {
        Http.Response crm = http.get("/api/members/" + member + "/crm");
        JsonNode systems = crm.status() == 200 ? crm.json().path("systems") : null;
        if (systems == null || systems.isEmpty()) {
            browser.waitFor("no CRM connected", "return !!document.querySelector('[data-crm=none]');");
            return;
        }
        systems.fields().forEachRemaining(system -> {
            String scope = "[data-crm='" + system.getKey() + "'] ";
            browser.waitFor(system.getKey() + " shown", "return !!document.querySelector(arguments[0]);", scope);
            system.getValue().path("core").fields().forEachRemaining(f -> {
                String shownCrm = browser.driver.findElement(By.cssSelector(scope + "[data-crm-field='" + f.getKey()
                        + "']")).getText();
                String shownCore = browser.driver.findElement(By.cssSelector(scope + "[data-core-field='"
                        + f.getKey() + "']")).getText();
                assertThat(shownCrm).as(f.getKey()).isEqualTo(shownCore).isEqualTo(f.getValue().asText());
            });
        });
    }
}
