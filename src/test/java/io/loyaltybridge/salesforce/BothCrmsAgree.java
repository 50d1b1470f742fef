package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.UnscheduledProgram;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** For tests of a member linked in both sandboxes: whether each CRM's record shows exactly the core's values. */
final class BothCrmsAgree {
    private BothCrmsAgree() {
    }

    /**
     * The app on the shipped program, syncing both sandboxes by polling (no backfill, no CDC) and delivering
     * notifications to both, on {@code clock}. The program's scheduled jobs never fire: the tests run them when they
     * mean to, and a test that moves the clock ahead must not see an hourly job act on the new date by itself.
     */
    static Application start(Harness h, HubSpotSandbox hs, String hsToken, String hsSecret, Clock clock) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "loyalty.program.file", UnscheduledProgram.of(Path.of("config/program.yaml")).toString(),
                "loyalty.salesforce.backfill.enabled", "false", "loyalty.salesforce.cdc.enabled", "false",
                "loyalty.salesforce.poll.period-seconds", "1",
                "loyalty.hubspot.enabled", "true", "loyalty.hubspot.base-url", hs.baseUrl(),
                "loyalty.hubspot.poll-interval-ms", "300", "loyalty.hubspot.lookback-seconds", "5",
                "loyalty.notify.salesforce.enabled", "true", "loyalty.notify.hubspot.enabled", "true"));
        settings.put("loyalty.notify.poll-interval-ms", "200");
        Map<String, String> secrets = new HashMap<>(h.secrets());
        secrets.putAll(Map.of("HUBSPOT_ACCESS_TOKEN", hsToken, "HUBSPOT_APP_SECRET", hsSecret));
        return TestApp.start(h.settings(settings), secrets, clock);
    }

    /** True once the member has a Salesforce and a HubSpot record and every one agrees with the core. */
    static boolean on(Http http, long member) {
        JsonNode systems = http.get("/api/members/" + member + "/crm").json().get("systems");
        if (systems == null || !systems.has("salesforce") || !systems.has("hubspot")) {
            return false;
        }
        for (Iterator<JsonNode> it = systems.elements(); it.hasNext(); ) {
            if (!it.next().path("agree").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
