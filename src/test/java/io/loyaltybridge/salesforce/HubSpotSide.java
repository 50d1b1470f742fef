package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.support.CoreView;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot half of a two-CRM scenario run in child processes: a sandbox whose webhooks go to one URL (as to a
 * load balancer), its contacts each with delivered orders, and what the flat program makes of them.
 */
final class HubSpotSide implements AutoCloseable {
    static final String TOKEN = "pat-na1-cluster-test";
    static final String SECRET = "cluster-test-app-secret";

    final HubSpotSandbox hs;
    final String webhookUrl;
    final List<Long> contacts = new ArrayList<>();
    private final Map<Long, Long> expected = new HashMap<>();

    HubSpotSide(int webhookPort, int customers) {
        webhookUrl = "http://localhost:" + webhookPort + "/webhooks/hubspot";
        hs = HubSpotSandbox.start(SandboxOptions.defaults().token(TOKEN).appSecret(SECRET)
                .webhookTarget(URI.create(webhookUrl)));
        for (int i = 0; i < customers; i++) {
            long id = hs.admin().createContact("hs-buyer-" + i + "@example.org", "Hs", "Buyer " + i);
            contacts.add(id);
            order(id, 80);
        }
    }

    /** A delivered EUR order: the flat program gives one point per euro. */
    void order(long contact, int euros) {
        hs.admin().createOrder(contact, Map.of("hs_total_price", Integer.toString(euros), "hs_currency_code", "EUR",
                "hs_pipeline_stage", "delivered"));
        expected.merge(contact, (long) euros, Long::sum);
    }

    Map<String, String> settings() {
        return Map.of("loyalty.hubspot.enabled", "true", "loyalty.hubspot.base-url", hs.baseUrl(),
                "loyalty.hubspot.poll-interval-ms", "1000", "loyalty.hubspot.lookback-seconds", "5",
                "loyalty.hubspot.webhook.public-url", webhookUrl);
    }

    Map<String, String> secrets() {
        return Map.of("HUBSPOT_ACCESS_TOKEN", TOKEN, "HUBSPOT_APP_SECRET", SECRET);
    }

    /** Every contact's member holds the expected points and the contact shows them with its member id. */
    boolean converged(CoreView core) {
        return expected.entrySet().stream().allMatch(e -> {
            String id = Long.toString(e.getKey());
            long points = core.points("hubspot", id);
            Map<String, String> shown = hs.admin().contact(e.getKey()).orElse(Map.of());
            String memberId = core.member("hubspot", id).map(m -> Long.toString(m.id().value())).orElse(null);
            return points == e.getValue() && shown.get("loyalty_points") != null
                    && new BigDecimal(shown.get("loyalty_points")).longValue() == points
                    && memberId != null && memberId.equals(shown.get("loyalty_member_id"));
        });
    }

    @Override
    public void close() {
        hs.close();
    }
}
