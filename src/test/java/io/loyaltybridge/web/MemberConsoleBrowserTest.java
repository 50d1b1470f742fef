package io.loyaltybridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.SandboxMode;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.sandbox.shop.Shop;
import io.loyaltybridge.store.PgExport;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The console's support side in headless Chromium, in sandbox mode: finding a member (several matches, accents and
 * case ignored, a CRM record id), the member page against what the database holds, and each action done from the
 * page with its audit entry under the signed-in token's name, or the API's refusal shown.
 */
class MemberConsoleBrowserTest {
    private static final String ADMIN = "ada-admin-token-0123456789";
    private static final String SUPPORT = "sam-support-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path workDir;
    private static SandboxMode sandbox;
    private static Http http;
    private static Browser browser;
    private static long zoe;
    private static long zoeBerg;
    private static long ida;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        sandbox = SmallShop.start(workDir, 30, 200, Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN,
                "LOYALTY_API_TOKENS", "ada:admin:" + ADMIN + ",sam:support:" + SUPPORT));
        http = new Http(sandbox.app().baseUrl(), ADMIN);
        zoe = create("zoe.angstrom@example.com", "Zoë", "Ångström");
        zoeBerg = create("zberg@example.com", "ZOE", "Angstrom-Berg");
        create("zora@example.com", "Zora", "Angel");
        ida = create("ida@example.com", "Ida", "Action");
        int purchases = sandbox.shop().shop().purchases().size();
        await("all " + purchases + " orders taken in from both CRMs", () -> ordersTakenIn() >= purchases ? 1 : null);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        SmallShop.close(browser, sandbox);
    }

    private static long create(String email, String first, String last) {
        Http.Response r = http.post("/api/members", """
                {"email":"%s","firstName":"%s","lastName":"%s"}""".formatted(email, first, last));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static void signIn(String token) {
        browser.driver.get(sandbox.app().baseUrl() + "/");
        browser.js("sessionStorage.clear();");
        browser.driver.get(sandbox.app().baseUrl() + "/#token=" + token);
        browser.driver.navigate().refresh();
        browser.waitFor("lookup shown", "return !document.getElementById('lookup-panel').hidden"
                + " && /Signed in/.test(document.getElementById('whoami').textContent);");
    }

    private static void search(String text) {
        WebElement input = browser.driver.findElement(By.id("lookup-input"));
        input.clear();
        input.sendKeys(text, Keys.ENTER);
    }

    private static void openMember(long id) {
        search(Long.toString(id));
        browser.waitFor("member " + id + " open", "return !document.getElementById('member').hidden"
                + " && document.getElementById('member-title').textContent.endsWith('member ' + arguments[0])"
                + " && document.querySelectorAll('#timeline li').length > 0;", id);
    }

    @Test
    void part_of_a_name_typed_without_its_accents_lists_each_match_and_opens_the_one_chosen() {
        signIn(SUPPORT);
        search("zoe ÅNGSTR");
        browser.waitFor("two matches listed", "return document.querySelectorAll('#search-results tbody tr')"
                + ".length === 2;");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.js("return [...document.querySelectorAll("
                + "'#search-results [data-member]')].map(b => b.dataset.member);");
        assertThat(ids).containsExactlyInAnyOrder(Long.toString(zoe), Long.toString(zoeBerg));
        assertThat(browser.driver.findElement(By.id("search-results")).getText()).contains("Zoë Ångström")
                .contains("zberg@example.com");
        panelShots("member-search");
        // Chosen with the keyboard: the name is a button, and the page moves the focus to the member it opens.
        browser.driver.findElement(By.cssSelector("#search-results [data-member='" + zoeBerg + "']"))
                .sendKeys(Keys.ENTER);
        browser.waitFor("member opened", "return document.activeElement.id === 'member-title'"
                + " && document.getElementById('member-title').textContent.includes('Angstrom-Berg');");
        assertThat(browser.driver.findElement(By.id("search-results")).isDisplayed()).isFalse();
    }

    @Test
    void a_crm_record_id_opens_the_member_page_and_its_sections_agree_with_the_database() throws Exception {
        Shop shop = sandbox.shop().shop();
        Shop.Customer customer = shop.customers().stream().filter(c -> c.crm() == Shop.Crm.BOTH)
                .filter(c -> shop.purchases().stream().anyMatch(p -> p.customer() == c.index()))
                .findFirst().orElseThrow();
        JsonNode profile = await("the customer synced from both CRMs with their orders", () -> {
            Http.Response r = http.get("/api/members?email=" + customer.email());
            boolean both = r.status() == 200 && r.json().get("identities").size() == 2;
            return both && http.get("/api/members/" + r.json().get("id").asLong() + "/orders").json()
                    .get("orders").size() >= purchasesOf(shop, customer) ? r.json() : null;
        });
        long id = profile.get("id").asLong();
        String hubspotId = null;
        for (JsonNode identity : profile.get("identities")) {
            if (identity.get("system").asText().equals("hubspot")) {
                hubspotId = identity.get("externalId").asText();
            }
        }
        signIn(SUPPORT);
        search(hubspotId);
        browser.waitFor("opened by CRM record id", "return !document.getElementById('member').hidden"
                + " && document.getElementById('member-title').textContent.endsWith('member ' + arguments[0])"
                + " && document.querySelectorAll('#timeline li[data-entry]').length > 0"
                + " && !!Chart.getChart(document.getElementById('member-points-chart'));", id);

        Core core = sandbox.app().core();
        Map<String, String> rows = core.transactions().read(() -> new PgExport(core.transactions())
                .export(new MemberId(id)).orElseThrow());
        JsonNode orders = JSON.readTree(rows.get("orders"));
        JsonNode entries = JSON.readTree(rows.get("ledgerEntries"));
        JsonNode balances = JSON.readTree(rows.get("balances"));
        JsonNode consent = JSON.readTree(rows.get("consentHistory"));
        assertThat(browser.driver.findElements(By.cssSelector("#orders tbody tr"))).hasSize(Math.min(20, orders.size()));
        for (JsonNode order : orders) {
            List<WebElement> shown = browser.driver.findElements(By.cssSelector("[data-order-status='"
                    + order.get("external_id").asText() + "']"));
            if (!shown.isEmpty()) {
                assertThat(shown.get(0).getText()).startsWith(order.get("status").asText().replace('_', ' '));
            }
        }
        long newest = entries.get(entries.size() - 1).get("id").asLong();
        assertThat(browser.driver.findElement(By.cssSelector("#timeline li")).getAttribute("data-entry"))
                .isEqualTo(Long.toString(newest));
        long available = 0;
        for (JsonNode balance : balances) {
            if (balance.get("account").asText().equals("points")) {
                available = balance.get("available").asLong();
            }
        }
        assertThat(browser.js("const d = Chart.getChart(document.getElementById('member-points-chart')).data"
                + ".datasets[0].data.filter(v => v !== null); return d[d.length - 1];")).isEqualTo(available);
        assertThat(browser.driver.findElements(By.cssSelector("#consent tbody tr"))).hasSize(consent.size());
        assertThat(browser.driver.findElements(By.cssSelector("#badges-referrals [data-badge]")))
                .hasSize(JSON.readTree(rows.get("badges")).size());
        assertThat(browser.driver.findElements(By.cssSelector("#tier-history [data-grant]")))
                .hasSize(JSON.readTree(rows.get("tierGrants")).size());
        int deliveries = JSON.readTree(rows.get("notifications")).size();
        assertThat(browser.driver.findElements(By.cssSelector("#deliveries tbody tr"))).hasSize(Math.min(50, deliveries));
        panelShots("member-page");
    }

    @Test
    void each_action_on_the_page_goes_through_the_api_and_is_audited_under_the_tokens_name() {
        Core core = sandbox.app().core();
        OrderIngest ingest = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        ingest.apply(List.of(new InboundOrder("hubspot", "D-CONSOLE", "NOBODY", new BigDecimal("25"), "EUR",
                Instant.now(), OrderStatus.COMPLETED, BigDecimal.ZERO, List.of(), Instant.now())),
                new SourceCursor("hubspot", "order", Instant.now()));
        signIn(ADMIN);
        openMember(ida);
        long before = http.get("/api/members/" + ida).json().get("balance").asLong();

        browser.driver.findElement(By.id("adjust-points")).sendKeys("1200");
        browser.driver.findElement(By.id("adjust-reason")).sendKeys("welcome gift", Keys.ENTER);
        awaitResult("Adjust points: done");
        assertAudited("points.adjusted", ida);

        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("reward-select")))
                .selectByValue("free-shipping");
        browser.driver.findElement(By.cssSelector("#reward-form button")).click();
        awaitResult("Redeem free-shipping: done");
        assertAudited("reward.redeemed", ida);
        assertThat(http.get("/api/members/" + ida).json().get("balance").asLong()).isEqualTo(before + 1200 - 300);

        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("grant-tier")))
                .selectByValue("gold");
        browser.driver.findElement(By.id("grant-reason")).sendKeys("key account", Keys.ENTER);
        awaitResult("Grant gold: done");
        assertAudited("tier.granted", ida);
        browser.waitFor("grant shown in the history", "return !!document.querySelector('#tier-history [data-grant]')"
                + " && !document.getElementById('revoke-form').hidden;");
        panelShots("member-actions");

        browser.driver.findElement(By.id("revoke-reason")).sendKeys("trial over", Keys.ENTER);
        awaitResult("Revoke the tier grant: done");
        assertAudited("tier.grant.revoked", ida);

        browser.waitFor("dead letter listed", "return !!document.querySelector('#dead-letters button');");
        browser.driver.findElement(By.cssSelector("#dead-letters button")).click();
        browser.waitFor("replay answered", "return /D-CONSOLE/.test("
                + "document.getElementById('replay-result').textContent);");
        assertAudited("dead-letter.replayed", null);

        browser.driver.findElement(By.id("erase-confirm")).sendKeys("not the address", Keys.ENTER);
        awaitResult("Erase not done: type ida@example.com exactly");
        assertThat(http.get("/api/audit?memberId=" + ida).text()).doesNotContain("member.erased");
        WebElement confirm = browser.driver.findElement(By.id("erase-confirm"));
        confirm.clear();
        confirm.sendKeys("ida@example.com", Keys.ENTER);
        browser.waitFor("erased", "return /Member \\d+ erased/.test("
                + "document.getElementById('lookup-message').textContent);");
        assertAudited("member.erased", ida);
    }

    @Test
    void a_refusal_shows_the_apis_problem_and_a_support_token_sees_only_its_actions() {
        signIn(SUPPORT);
        openMember(zoeBerg);
        assertThat(browser.js("return ['adjust-form', 'reward-form', 'grant-form', 'revoke-form', 'erase-form']"
                + ".map(id => document.getElementById(id).hidden);"))
                .as("support adjusts and redeems; grants and erasure are for managers and admins")
                .isEqualTo(List.of(false, false, true, true, true));
        browser.driver.findElement(By.id("adjust-points")).sendKeys("5000");
        browser.driver.findElement(By.id("adjust-reason")).sendKeys("too generous", Keys.ENTER);
        awaitResult("Adjust points refused: Over the adjustment limit");
        assertThat(browser.driver.findElement(By.id("action-result")).getText())
                .contains("a support token adjusts at most 500 points per call");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("reward-select")))
                .selectByValue("ten-off");
        browser.driver.findElement(By.cssSelector("#reward-form button")).click();
        awaitResult("Redeem ten-off refused:");
        panelShots("member-refused");
    }

    /**
     * The whole page at 1400 and 390 px (Browser.screenshots), and the member panel alone at each width, where the
     * support side is seen without the sync cards above it.
     */
    private static void panelShots(String name) {
        for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
            browser.screenshots(name, size[0], size[1]);
            // Tall enough for the whole panel: an element's screenshot is cut at the viewport.
            browser.resizeViewport(size[0], size[1]);
            long tall = (Long) browser.js("return Math.ceil(document.getElementById('lookup-panel')"
                    + ".getBoundingClientRect().height);");
            browser.resizeViewport(size[0], (int) Math.max(size[1], tall + 40));
            browser.js("document.getElementById('lookup-panel').scrollIntoView();");
            try {
                java.nio.file.Files.write(Path.of("target", "screenshots", name + "-" + size[0] + "-panel.png"),
                        browser.driver.findElement(By.id("lookup-panel"))
                                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            browser.resizeViewport(size[0], size[1]);
        }
    }

    private static void awaitResult(String text) {
        browser.waitFor("action result: " + text, "return document.getElementById('action-result').textContent"
                + ".includes(arguments[0]);", text);
    }

    /** The newest audit entry of that action (about the member, when given) names the token that did it. */
    private static void assertAudited(String action, Long member) {
        JsonNode entries = http.get("/api/audit?limit=50" + (member == null ? "" : "&memberId=" + member)).json()
                .get("entries");
        JsonNode found = null;
        for (JsonNode entry : entries) {
            if (found == null && entry.get("action").asText().equals(action)) {
                found = entry;
            }
        }
        assertThat(found).as(action + " in the audit log: " + entries).isNotNull();
        assertThat(found.get("actor").asText()).isEqualTo("ada");
    }

    /** Orders both connectors have taken in so far, from the sync status. */
    private static long ordersTakenIn() {
        long taken = 0;
        for (JsonNode crm : http.get("/api/sync/status").json().path("systems")) {
            for (JsonNode stream : crm.path("streams")) {
                String object = stream.get("object").asText();
                if (object.equalsIgnoreCase("order") || object.equals("orders")) {
                    taken += stream.get("recordsIn").asLong();
                }
            }
        }
        return taken;
    }

    private static long purchasesOf(Shop shop, Shop.Customer customer) {
        return shop.purchases().stream().filter(p -> p.customer() == customer.index()).count();
    }

    private static <T> T await(String what, java.util.function.Supplier<T> value) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            T found = value.get();
            if (found != null) {
                return found;
            }
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
