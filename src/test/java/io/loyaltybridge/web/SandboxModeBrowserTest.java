package io.loyaltybridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.SandboxMode;
import io.loyaltybridge.sandbox.shop.Shop;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page of the app in sandbox mode, in headless Chromium: a small generated shop synced from both sandbox
 * CRMs, the charts drawn with its data, and a customer held in both CRMs looked up — each CRM's fields, read live,
 * equal to the core's.
 */
class SandboxModeBrowserTest {
    @TempDir
    static Path workDir;
    private static SandboxMode sandbox;
    private static Http http;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        sandbox = SmallShop.start(workDir, 60, 600, Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN));
        http = new Http(sandbox.app().baseUrl(), TestApp.TOKEN);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        SmallShop.close(browser, sandbox);
    }

    /** A customer held in both CRMs who bought something, as the core knows them once synced. */
    private static long memberInBothCrms() {
        Shop shop = sandbox.shop().shop();
        Shop.Customer customer = shop.customers().stream().filter(c -> c.crm() == Shop.Crm.BOTH)
                .filter(c -> shop.purchases().stream().anyMatch(p -> p.customer() == c.index()))
                .findFirst().orElseThrow();
        JsonNode[] found = new JsonNode[1];
        await("the customer synced from both CRMs", () -> {
            Http.Response r = http.get("/api/members?email=" + customer.email());
            found[0] = r.json();
            return r.status() == 200 && found[0].get("identities").size() == 2;
        });
        return found[0].get("id").asLong();
    }

    @Test
    void the_page_shows_the_sandbox_shop_and_a_customer_in_both_crms_with_each_crms_fields_equal_to_the_core() {
        long member = memberInBothCrms();
        int purchases = sandbox.shop().shop().purchases().size();
        await("all " + purchases + " orders taken in from both CRMs", () -> ordersTakenIn() >= purchases);
        sandbox.app().core().jobs().segmentsAndCltv();
        await("both CRMs show what the core shows, segments included", () -> {
            JsonNode systems = http.get("/api/members/" + member + "/crm").json().path("systems");
            return systems.size() == 2 && systems.path("salesforce").path("agree").asBoolean()
                    && systems.path("hubspot").path("agree").asBoolean();
        });

        browser.driver.get(sandbox.app().baseUrl() + "/#token=" + TestApp.TOKEN);
        for (String chart : List.of("tiers-chart", "segments-chart", "points-chart")) {
            browser.waitFor(chart + " drawn with data", """
                    const chart = window.Chart && Chart.getChart(document.getElementById(arguments[0]));
                    return !!chart && chart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0) > 0;""",
                    chart);
        }
        browser.driver.findElement(By.id("lookup-input")).sendKeys(Long.toString(member), Keys.ENTER);
        JsonNode crm = http.get("/api/members/" + member + "/crm").json().path("systems");
        for (String system : List.of("salesforce", "hubspot")) {
            String scope = "[data-crm='" + system + "'] ";
            browser.waitFor(system + " fields shown", "return !!document.querySelector(arguments[0]);", scope);
            crm.path(system).path("core").fields().forEachRemaining(f -> {
                String shownCrm = browser.driver.findElement(By.cssSelector(scope + "[data-crm-field='" + f.getKey()
                        + "']")).getText();
                String shownCore = browser.driver.findElement(By.cssSelector(scope + "[data-core-field='"
                        + f.getKey() + "']")).getText();
                assertThat(shownCrm).as(system + " " + f.getKey()).isEqualTo(shownCore);
            });
        }
        browser.screenshots("sandbox-mode", 1280, 800);
    }

    /** Orders both connectors have taken in so far, from the sync status. */
    private static long ordersTakenIn() {
        long taken = 0;
        for (JsonNode crm : http.get("/api/sync/status").json().path("systems")) {
            for (JsonNode stream : crm.path("streams")) {
                if (stream.get("object").asText().equalsIgnoreCase("order")
                        || stream.get("object").asText().equals("orders")) {
                    taken += stream.get("recordsIn").asLong();
                }
            }
        }
        return taken;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 120 s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
