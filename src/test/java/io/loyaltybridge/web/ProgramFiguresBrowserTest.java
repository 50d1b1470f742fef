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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's program figures in headless Chromium (its own language en-US) on the shipped program (EUR,
 * Europe/Paris, fr-FR, 0.01 EUR a point, points expiring 24 months after they are earned): campaign, reward,
 * forecast, liability, tier-move and participation figures against values worked out here from the seeded orders,
 * each member's ledger and events (their export), not from the report's queries; the CSV downloads; the program's
 * formats; and the layout at 1400 px and on a 390 px phone, with screenshots under target/screenshots.
 */
class ProgramFiguresBrowserTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.now();
    private static final BigDecimal POINT_VALUE = new BigDecimal("0.01");
    private static final List<Long> MEMBERS = new ArrayList<>();
    private static Application app;
    private static Http http;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", Path.of("config/program.yaml").toAbsolutePath().toString()));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        // spring-double (2025-03-20 to 04-20) doubles purchase points: one more point per euro kept on books.
        order("ann", "S1", Instant.parse("2025-04-10T10:00:00Z"), "150.00", "completed", "0");
        order("ann", "S2", Instant.parse("2025-04-15T10:00:00Z"), "50.00", "completed", "0");
        order("bob", "S3", Instant.parse("2025-04-12T10:00:00Z"), "80.00", "completed", "0");
        order("bob", "R1", NOW.minus(Duration.ofDays(20)), "40.00", "completed", "0");
        order("eve", "E1", NOW.minus(Duration.ofDays(30)), "600.00", "completed", "0");
        order("cleo", "C1", NOW.minus(Duration.ofDays(3)), "60.00", "completed", "0");
        order("dan", "D1", NOW.minus(Duration.ofDays(400)), "30.00", "cancelled", "0");
        Core core = app.core();
        core.jobs().pendingRelease();
        order("bob", "S3", Instant.parse("2025-04-12T10:00:00Z"), "80.00", "partially_refunded", "30.00");
        for (String who : List.of("ann", "bob", "eve", "cleo", "dan")) {
            MEMBERS.add(http.get("/api/members?email=" + who + "@example.com").json().get("id").asLong());
        }
        Http.Response redeemed = http.post("/api/members/" + MEMBERS.get(0) + "/rewards/free-shipping/redeem",
                "{\"idempotencyKey\":\"fs-1\"}");
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        order("ann", "A1", Instant.now(), "25.00", "completed", "0");
        core.jobs().expiry();
        core.jobs().segmentsAndCltv();
        // A CRM stream with figures, so the sync tables have rows to fit.
        OrderIngest ingest = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), ingest).apply(List.of(new InboundContact(
                "hubspot", "C-1", "ann@example.com", "Ann", "A", null, null, false, NOW, Map.of())),
                new SourceCursor("hubspot", "contact", NOW.minusSeconds(30)));
        ingest.apply(List.of(new InboundOrder("hubspot", "D-1", "NOBODY", new BigDecimal("25"), "EUR", NOW,
                OrderStatus.COMPLETED, BigDecimal.ZERO, List.of(), NOW)), new SourceCursor("hubspot", "order", NOW));
        browser = Browser.start();
        browser.driver.get(app.baseUrl() + "/#token=" + TestApp.TOKEN);
        browser.waitFor("figures drawn", "return document.querySelectorAll('#campaigns-table tbody tr').length > 0"
                + " && !!document.querySelector('[data-kpi=liabilityMoney]')"
                + " && document.querySelectorAll('#sync-systems tbody tr').length > 0;");
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

    private static void order(String who, String id, Instant placed, String total, String status, String refunded) {
        Http.Response r = http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s@example.com"},"total":"%s","currency":"EUR",
                 "placedAt":"%s","status":"%s","refundedAmount":"%s",
                 "lines":[{"sku":"BK-1","category":"books","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(id, who, total, placed, status, refunded, total));
        assertThat(r.status()).as(r.text()).isIn(200, 201);
    }

    /** Each member's ledger entries, oldest first, from their export (which carries each entry's order). */
    private static List<JsonNode> ledger(long member) {
        List<JsonNode> entries = new ArrayList<>();
        http.get("/api/members/" + member + "/export").json().get("ledgerEntries").forEach(entries::add);
        return entries;
    }

    /** A figure as the page wrote it in fr-FR ("1 234,56 €", "250", "8,33") back to a number. */
    private static BigDecimal number(String shown) {
        String plain = shown.replaceAll("points?|[\\s\\u00a0\\u202f€%]", "").replace(',', '.');
        return new BigDecimal(plain);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> rows(String table) {
        return (List<Map<String, String>>) browser.js("""
                return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')].map(tr => Object.fromEntries(
                  [...tr.querySelectorAll('td')].map(td => [td.dataset.label.startsWith('Return') ? 'Return'
                    : td.dataset.label, td.textContent.trim()])));""", table);
    }

    private static String kpi(String name) {
        return browser.driver.findElement(By.cssSelector("[data-kpi=" + name + "]")).getText();
    }

    @Test
    void the_campaign_row_shows_the_members_orders_revenue_points_cost_and_return_of_its_orders() {
        Map<String, String> spring = rows("campaigns-table").stream()
                .filter(r -> r.get("Campaign").equals("Spring double points")).findFirst().orElseThrow();
        // S1 150 + S2 50 (Ann) and what Bob kept of S3 (80 - 30): one more point per euro kept, each.
        BigDecimal revenue = new BigDecimal("150").add(new BigDecimal("50")).add(new BigDecimal("50"));
        assertThat(spring.get("Members reached")).isEqualTo("2");
        assertThat(spring.get("Orders")).isEqualTo("3");
        assertThat(number(spring.get("Revenue"))).isEqualByComparingTo(revenue);
        assertThat(number(spring.get("Points given"))).isEqualByComparingTo(revenue);
        BigDecimal cost = revenue.multiply(POINT_VALUE);
        assertThat(number(spring.get("Cost"))).isEqualByComparingTo(cost);
        assertThat(number(spring.get("Return"))).isEqualByComparingTo(revenue.divide(cost, 2,
                java.math.RoundingMode.HALF_UP));
        assertThat(spring.get("Revenue")).as("money in the program's locale").matches("250,00[\\u00a0\\u202f]€");
    }

    @Test
    void the_reward_row_counts_the_redemption_and_the_order_placed_after_it() {
        Map<String, String> shipping = rows("rewards-table").stream()
                .filter(r -> r.get("Reward").equals("Free shipping voucher")).findFirst().orElseThrow();
        long redeemed = -ledger(MEMBERS.get(0)).stream().filter(e -> e.get("kind").asText().equals("redeem"))
                .mapToLong(e -> e.get("points").asLong()).sum();
        assertThat(redeemed).isEqualTo(300);
        assertThat(shipping.get("Redemptions")).isEqualTo("1");
        assertThat(number(shipping.get("Redeemed"))).isEqualByComparingTo(BigDecimal.valueOf(redeemed));
        assertThat(shipping.get("Orders within 30 days")).as("A1, placed after the redemption").isEqualTo("1");
        assertThat(number(shipping.get("Revenue"))).isEqualByComparingTo("25");
        BigDecimal cost = BigDecimal.valueOf(redeemed).multiply(POINT_VALUE);
        assertThat(number(shipping.get("Cost"))).isEqualByComparingTo(cost);
        assertThat(number(shipping.get("Return"))).isEqualByComparingTo(new BigDecimal("25").divide(cost, 2,
                java.math.RoundingMode.HALF_UP));
    }

    @Test
    void the_liability_in_money_and_the_expiry_forecast_agree_with_the_lots_left_in_the_ledger() {
        long points = 0;
        long cashbackMinor = 0;
        Map<YearMonth, Long> expiring = new HashMap<>();
        for (long member : MEMBERS) {
            List<JsonNode> entries = ledger(member);
            Map<String, Long> byAccount = new HashMap<>();
            entries.forEach(e -> byAccount.merge(e.get("account").asText(), e.get("points").asLong(), Long::sum));
            points += Math.max(0, byAccount.getOrDefault("points", 0L))
                    + Math.max(0, byAccount.getOrDefault("pending", 0L));
            cashbackMinor += Math.max(0, byAccount.getOrDefault("cashback", 0L))
                    + Math.max(0, byAccount.getOrDefault("pending_cashback", 0L));
            lotsLeft(entries).forEach((day, left) -> expiring.merge(YearMonth.from(day.plusMonths(24)), left,
                    Long::sum));
        }
        BigDecimal money = POINT_VALUE.multiply(BigDecimal.valueOf(points)).add(BigDecimal.valueOf(cashbackMinor, 2));
        assertThat(number(kpi("liabilityMoney").lines().findFirst().orElseThrow())).isEqualByComparingTo(money);

        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) browser.js("""
                return [...document.querySelectorAll('#expiry-table tbody tr')].map(tr =>
                  [...tr.querySelectorAll('td')].map(td => td.textContent.trim()));""");
        assertThat(shown).hasSize(12);
        YearMonth first = YearMonth.now(PARIS);
        java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("yyyy");
        for (int i = 0; i < 12; i++) {
            YearMonth month = first.plusMonths(i);
            assertThat(shown.get(i).get(0)).as("month named in French").contains(month.format(french));
            assertThat(number(shown.get(i).get(1))).as(month.toString())
                    .isEqualByComparingTo(BigDecimal.valueOf(expiring.getOrDefault(month, 0L)));
        }
        assertThat(expiring.values().stream().mapToLong(Long::longValue).sum()).as("Ann's S2 lot, 2027-04")
                .isPositive();
    }

    /**
     * What is left of each lot (points account): an order's entries are its lot, a refund's take-back comes off its
     * own lot, every other debit (redemption, expiry) off the oldest lots first. Keyed by the day each lot was earned.
     */
    private static Map<LocalDate, Long> lotsLeft(List<JsonNode> entries) {
        Map<String, long[]> lots = new LinkedHashMap<>();
        Map<String, LocalDate> earned = new HashMap<>();
        long debits = 0;
        for (JsonNode e : entries) {
            if (!e.get("account").asText().equals("points")) {
                continue;
            }
            long p = e.get("points").asLong();
            String order = e.get("order_id").isNull() ? "entry:" + e.get("id").asText() : e.get("order_id").asText();
            if (p > 0 || (e.get("kind").asText().equals("reverse") && !e.get("order_id").isNull())) {
                lots.computeIfAbsent(order, o -> new long[1])[0] += p;
                if (p > 0) {
                    earned.putIfAbsent(order, Instant.parse(e.get("effective_at").asText()).atZone(PARIS)
                            .toLocalDate());
                }
            } else {
                debits -= p;
            }
        }
        Map<LocalDate, Long> left = new HashMap<>();
        List<String> oldestFirst = new ArrayList<>(lots.keySet());
        oldestFirst.sort(Comparator.comparing(earned::get));
        for (String key : oldestFirst) {
            long taken = Math.min(debits, Math.max(0, lots.get(key)[0]));
            debits -= taken;
            long remaining = lots.get(key)[0] - taken;
            if (remaining > 0) {
                left.merge(earned.get(key), remaining, Long::sum);
            }
        }
        return left;
    }

    @Test
    void participation_and_tier_moves_agree_with_the_ledger_and_the_members_events() {
        Instant since = NOW.minus(Duration.ofDays(90));
        long earning = MEMBERS.stream().filter(m -> ledger(m).stream().anyMatch(e ->
                List.of("earn", "bonus").contains(e.get("kind").asText()) && e.get("points").asLong() > 0
                        && Instant.parse(e.get("effective_at").asText()).isAfter(since))).count();
        assertThat(earning).as("Bob, Eve, Cleo and Ann ordered lately; Dan's order was cancelled").isEqualTo(4);
        assertThat(kpi("participation")).contains(earning + " earning in 90 days / " + MEMBERS.size() + " members");
        long ups = 0;
        YearMonth thisMonth = YearMonth.now(PARIS);
        for (long member : MEMBERS) {
            for (JsonNode event : http.get("/api/members/" + member + "/export").json().get("events")) {
                if (event.get("event_type").asText().equals("tier_up") && YearMonth.from(Instant.parse(
                        event.get("occurred_at").asText()).atZone(PARIS)).equals(thisMonth)) {
                    ups++;
                }
            }
        }
        assertThat(ups).as("Eve reached silver").isPositive();
        @SuppressWarnings("unchecked")
        List<String> last = (List<String>) browser.js("""
                return [...document.querySelectorAll('#moves-table tbody tr:last-child td')]
                  .map(td => td.textContent.trim());""");
        assertThat(last.get(1)).isEqualTo(String.valueOf(ups));
        assertThat(last.get(2)).isEqualTo("0");
    }

    @Test
    void every_table_downloads_as_csv_from_the_page() {
        browser.driver.findElement(By.cssSelector("[data-csv=campaigns]")).click();
        browser.waitFor("campaigns downloaded", "return /campaigns\\.csv/.test("
                + "document.getElementById('csv-result').textContent);");
        // From the keyboard too: the buttons are reachable and Enter downloads.
        browser.js("document.querySelector('[data-csv=rewards]').focus();");
        browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor("rewards downloaded", "return /rewards\\.csv \\(2 rows\\)/.test("
                + "document.getElementById('csv-result').textContent);");
        for (String table : List.of("campaigns", "rewards", "liability", "expiry", "tier-moves", "participation",
                "points", "tiers", "segments")) {
            Object csv = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; LB.figures.csv(arguments[0]).then(done,"
                            + " (e) => done('failed: ' + e.message));", table);
            assertThat(String.valueOf(csv)).as(table).doesNotStartWith("failed").contains("\n");
            if (table.equals("campaigns")) {
                assertThat(String.valueOf(csv)).contains("spring-double,Spring double points,2,3,250.00,250,2.50,"
                        + "100.00");
            }
        }
    }

    @Test
    void numbers_and_dates_are_in_the_programs_locale_and_zone_not_the_browsers() {
        assertThat(browser.js("return navigator.language;")).isEqualTo("en-US");
        String asOf = browser.driver.findElement(By.id("program-as-of")).getText();
        LocalDate today = LocalDate.now(PARIS);
        assertThat(asOf).as("dd/mm/yyyy in Paris").contains(String.format("%02d/%02d/%d", today.getDayOfMonth(),
                today.getMonthValue(), today.getYear())).contains("Europe/Paris");
        assertThat(kpi("liabilityMoney")).as("1 234,56 € style").containsPattern("\\d,\\d{2}[ \\u00a0\\u202f]€");
        assertThat(browser.js("return fmt.money(1234.56);")).isEqualTo("1\u202f234,56\u00a0€");
        assertThat(browser.js("return fmt.date('2026-03-09');")).isEqualTo("09/03/2026");
        assertThat(browser.js("return fmt.dateTime('2026-07-01T22:30:00Z');")).as("summer time in Paris")
                .isEqualTo("02/07/2026 00:30:00");
    }

    @Test
    void the_member_page_names_each_figure_for_what_it_measures_with_the_programs_currency() {
        browser.driver.findElement(By.id("lookup-input")).sendKeys("ann@example.com", org.openqa.selenium.Keys.ENTER);
        browser.waitFor("member shown", "return !!document.querySelector('[data-field=cltvPredicted]');");
        JsonNode ann = http.get("/api/members/" + MEMBERS.get(0)).json();
        String terms = browser.driver.findElement(By.id("profile")).getText();
        assertThat(terms).contains("RFM segment (vs all members)", "Churn risk (vs own buying rhythm)",
                "Historic value (kept so far)", "Predicted lifetime value (CRM cltv)");
        String historic = browser.driver.findElement(By.cssSelector("[data-field=cltv]")).getText();
        String predicted = browser.driver.findElement(By.cssSelector("[data-field=cltvPredicted]")).getText();
        assertThat(historic).containsPattern("\\d,\\d{2}[ \\u00a0\\u202f]€");
        assertThat(number(historic)).isEqualByComparingTo(ann.at("/segments/cltv/historic").decimalValue());
        assertThat(number(predicted)).isEqualByComparingTo(ann.at("/segments/cltv/predicted").decimalValue());
        assertThat(browser.driver.findElement(By.cssSelector("[data-field=rfmSegment]")).getText())
                .isEqualTo(ann.at("/segments/rfmSegment").asText());
    }

    @Test
    void business_figures_come_first_on_a_phone_and_the_sync_tables_fit_1400_pixels() {
        browser.resizeViewport(1400, 900);
        browser.js("window.scrollTo(0, 0);");
        assertThat(browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("no sideways scroll at 1400 px").isEqualTo(true);
        assertThat(browser.js("return [...document.querySelectorAll('#sync-panel .table-wrap')]"
                + ".every(w => w.scrollWidth <= w.clientWidth + 1);")).as("sync tables fit").isEqualTo(true);
        browser.screenshots("console-figures", 1400, 900);

        browser.resizeViewport(390, 844);
        browser.js("window.scrollTo(0, 0);");
        assertThat(((Number) browser.js("return document.querySelector('[data-kpi=liabilityMoney]')"
                + ".getBoundingClientRect().bottom;")).doubleValue()).as("first business figure on the first screen")
                .isLessThan(844);
        assertThat(browser.js("return !!document.querySelector('#sync-summary a[href=\"#sync-panel\"]')"
                + " && document.getElementById('sync-summary').getBoundingClientRect().top < 844;"))
                .as("sync health a glance away").isEqualTo(true);
        assertThat(browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("no sideways scroll on a phone").isEqualTo(true);
        browser.screenshots("console-figures", 390, 844);
        browser.resizeViewport(1280, 800);
    }
}
