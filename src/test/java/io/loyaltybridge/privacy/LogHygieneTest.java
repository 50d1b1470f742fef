package io.loyaltybridge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.SandboxMode;
import io.loyaltybridge.sandbox.shop.Shop;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run of the real app with both connectors against the seeded sandboxes (sandbox mode), with everything
 * logged captured: no seeded email or name at INFO or above, and no token or secret at any level, DEBUG included
 * for our own code. The INFO check reads the INFO-and-above share of the same run: lowering our loggers to DEBUG
 * adds lines but changes none, so this is what a run at the shipped levels writes.
 */
class LogHygieneTest {
    private static final String HUBSPOT_TOKEN = "sandbox-private-app-token";
    private static final String HUBSPOT_SECRET = "sandbox-app-secret";
    private static final java.util.regex.Pattern SESSION_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9]{15}![A-Za-z0-9_-]{40,}");

    @TempDir
    Path workDir;

    @Test
    void a_full_run_logs_no_personal_data_at_info_and_no_secret_at_any_level() throws Exception {
        List<String> info;
        List<String> all;
        List<String> debug;
        Shop shop;
        List<String> secrets = new ArrayList<>(List.of(TestApp.TOKEN, HUBSPOT_TOKEN, HUBSPOT_SECRET));
        try (LogCapture capture = new LogCapture();
             SandboxMode sandbox = SandboxMode.start(Workspaces.copy(workDir), Map.of(
                             "camel.server.port", Integer.toString(TestApp.freePort()),
                             "loyalty.sandbox.customers", "24", "loyalty.sandbox.orders", "120",
                             "loyalty.sandbox.orders-per-minute", "0",
                             "loyalty.salesforce.poll.period-seconds", "2", "loyalty.hubspot.poll-interval-ms", "1000"),
                     Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN))) {
            shop = sandbox.shop().shop();
            secrets.add(sandbox.salesforce().options().clientSecret());
            Http http = new Http(sandbox.app().baseUrl(), TestApp.TOKEN);
            int purchases = shop.purchases().size();
            await(() -> ordersTakenIn(http) >= purchases);
            exercise(sandbox, http, shop);
            info = capture.atInfo();
            all = capture.all();
            debug = capture.ourDebug();
        }
        assertThat(info).as("lines at INFO and above").isNotEmpty();
        assertThat(debug).as("DEBUG lines of our own code").isNotEmpty();
        Set<String> personal = new LinkedHashSet<>();
        for (Shop.Customer c : shop.customers()) {
            personal.add(c.email());
            personal.add(c.firstName() + " " + c.lastName());
            personal.add(c.lastName());
        }
        personal.add("log.hygiene@example.com");
        personal.add("Hygienix");
        assertThat(leaks(info, personal)).as("personal data at INFO or above").isEmpty();
        assertThat(leaks(all, secrets)).as("secrets at any level").isEmpty();
        // The Salesforce session id from the OAuth token answer: the org id, '!', then opaque text.
        assertThat(all).as("a Salesforce session id at any level")
                .noneMatch(line -> SESSION_ID.matcher(line).find());
    }

    /** The admin and CRM actions whose handling logs: lookups, a new member, an adjustment, erasures, edits. */
    private static void exercise(SandboxMode sandbox, Http http, Shop shop) {
        Shop.Customer both = shop.customers().stream().filter(c -> c.crm() == Shop.Crm.BOTH).findFirst().orElseThrow();
        JsonNode found = http.get("/api/members?email=" + both.email()).json();
        long member = found.get("id").asLong();
        http.post("/api/members", "{\"email\":\"log.hygiene@example.com\",\"firstName\":\"Hygienix\"}");
        http.post("/api/members", "{\"email\":\"log.hygiene@example.com\",\"firstName\":\"Hygienix\"}");
        http.post("/api/members", "{\"email\":\"not an address\",\"firstName\":\"Hygienix\"}");
        http.post("/api/members/" + member + "/adjustments", "{\"points\":5,\"reason\":\"goodwill\","
                + "\"idempotencyKey\":\"log-1\"}");
        new Http(sandbox.app().baseUrl(), "wrong-token-0123456789").get("/api/members/" + member);
        http.get("/api/members/" + member + "/export");
        http.get("/api/members/" + member + "/crm");
        // A change in each CRM, taken in before the erasure below.
        sandbox.salesforce().admin().update(sandbox.shop().salesforceIds()[both.index()],
                Map.of("LastName", both.lastName() + "-Jones"));
        await(() -> http.get("/api/members/" + member).text().contains("-Jones"));
        Shop.Customer hubspotOnly = shop.customers().stream().filter(c -> c.crm() == Shop.Crm.HUBSPOT).findFirst()
                .orElseThrow();
        long hubspotId = sandbox.shop().hubspotIds()[hubspotOnly.index()];
        sandbox.hubspot().admin().privacyDelete(hubspotId);
        http.send(http.builder("/api/members/" + member).DELETE().build());
        await(() -> http.get("/api/members?email=" + hubspotOnly.email()).status() == 404);
        sandbox.app().core().jobs().segmentsAndCltv();
    }

    private static List<String> leaks(List<String> lines, java.util.Collection<String> needles) {
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String needle : needles) {
                if (line.contains(needle)) {
                    leaks.add("[" + needle + "] " + line.substring(0, Math.min(line.length(), 400)));
                }
            }
        }
        return leaks;
    }

    private static long ordersTakenIn(Http http) {
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

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 90 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
