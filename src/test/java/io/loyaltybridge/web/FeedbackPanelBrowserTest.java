package io.loyaltybridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's feedback panel in headless Chromium: the API's NPS and CSAT, shown to the roles that may read them. */
class FeedbackPanelBrowserTest {
    private static final String READ_TOKEN = "dashboard-token-0123456789";
    private static final String INGEST_TOKEN = "shop-token-0123456789";
    private static Application app;
    private static Browser browser;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase()),
                Map.of("LOYALTY_API_TOKENS", "dashboard:read:" + READ_TOKEN + ",shop:ingest:" + INGEST_TOKEN));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        int[] nps = {10, 9, 8, 3, 0};
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        for (int i = 0; i < nps.length; i++) {
            long member = http.post("/api/members", "{\"email\":\"p" + i + "@example.com\"}").json().path("id")
                    .asLong();
            Http.Response r = http.post("/api/members/" + member + "/feedback", """
                    {"survey":"nps","type":"NPS","score":%d,"submittedAt":"%s","idempotencyKey":"k%d"}"""
                    .formatted(nps[i], at, i));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            http.post("/api/members/" + member + "/feedback", """
                    {"survey":"csat","type":"CSAT","score":%d,"submittedAt":"%s","idempotencyKey":"c%d"}"""
                    .formatted(1 + i, at, i));
        }
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

    @Test
    void a_read_token_sees_the_apis_nps_and_csat_and_an_ingest_token_does_not_see_the_panel() {
        JsonNode overall = http.get("/api/feedback/summary").json().get("overall");
        browser.driver.get(app.baseUrl() + "/");
        browser.js("sessionStorage.clear();");
        browser.driver.get(app.baseUrl() + "/#token=" + READ_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("feedback figures shown", "return !document.getElementById('feedback-panel').hidden"
                + " && document.querySelectorAll('#feedback-figures dd').length === 4;");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.js("return [...document.querySelectorAll('#feedback-figures dd')]"
                + ".map((d) => d.textContent);");
        assertThat(shown.get(0)).isEqualTo(overall.get("nps").decimalValue().stripTrailingZeros().toPlainString());
        assertThat(shown.get(1)).isEqualTo(overall.get("csat").decimalValue().stripTrailingZeros().toPlainString());
        assertThat(shown.get(2)).isEqualTo(overall.get("responses").asText());
        assertThat(browser.js("return document.querySelector('#feedback-months tbody tr td').textContent;"))
                .isEqualTo(http.get("/api/feedback/summary").json().at("/months/0/key").asText());

        browser.js("sessionStorage.clear();");
        browser.driver.get(app.baseUrl() + "/#token=" + INGEST_TOKEN);
        browser.driver.navigate().refresh();
        browser.waitFor("ingest: nothing to show", "return /shop \\(ingest\\)/.test("
                + "document.getElementById('whoami').textContent);");
        assertThat(browser.js("return document.getElementById('feedback-panel').hidden;")).isEqualTo(true);
    }
}
