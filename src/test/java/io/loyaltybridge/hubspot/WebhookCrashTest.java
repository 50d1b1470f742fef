package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.sandbox.hubspot.V3Signature;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.CoreView;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the app (the real main in a child JVM) after it answered HubSpot's privacy deletion 200 and before it
 * applied it (held by loyalty.hubspot.webhook.hold-ms): HubSpot will not send it again, yet after a restart the
 * member is erased, and a repeat of an event stored before the crash is still dropped.
 */
class WebhookCrashTest {
    private static final String TOKEN = "pat-na1-webhook-crash";
    private static final String SECRET = "webhook-crash-app-secret";

    @Test
    void a_privacy_deletion_answered_200_before_a_kill_is_applied_after_the_restart() throws Exception {
        int port = TestApp.freePort();
        String webhookUrl = HubSpotWorld.webhookUrl(port);
        String db = TestPostgres.freshDatabase();
        try (HubSpotSandbox hs = HubSpotSandbox.start(SandboxOptions.defaults().token(TOKEN).appSecret(SECRET)
                .webhookTarget(URI.create(webhookUrl)));
             CoreView core = new CoreView(db)) {
            long person = hs.admin().createContact("forget.me@example.com", "Forget", "Me");
            hs.admin().createOrder(person, FirstSyncTest.order("50", "delivered"));
            long other = hs.admin().createContact("stays@example.com", "Stays", "Here");
            Map<String, String> settings = new HashMap<>(Map.of("loyalty.db.url", db,
                    "camel.server.port", Integer.toString(port), "loyalty.hubspot.enabled", "true",
                    "loyalty.hubspot.base-url", hs.baseUrl(), "loyalty.hubspot.poll-interval-ms", "1000",
                    "loyalty.hubspot.lookback-seconds", "5", "loyalty.hubspot.webhook.public-url", webhookUrl,
                    "loyalty.hubspot.webhook.drain-interval-ms", "200"));
            Map<String, String> secrets = Map.of("HUBSPOT_ACCESS_TOKEN", TOKEN, "HUBSPOT_APP_SECRET", SECRET);
            Map<String, String> holding = new HashMap<>(settings);
            holding.put("loyalty.hubspot.webhook.hold-ms", "3600000");

            String repeat = "[{\"eventId\": 77001, \"portalId\": 62515, \"subscriptionType\": \"contact.creation\","
                    + " \"objectId\": " + other + ", \"occurredAt\": " + System.currentTimeMillis() + "}]";
            try (AppProcess first = AppProcess.start("webhook-crash-1", holding, secrets)) {
                HubSpotWorld.eventually(Duration.ofSeconds(60), () -> core.points("hubspot", Long.toString(person))
                        == 50 && core.member("hubspot", Long.toString(other)).isPresent());
                assertThat(post(webhookUrl, repeat)).isEqualTo("{\"received\":1,\"fresh\":1}");
                hs.admin().privacyDelete(person);
                HubSpotWorld.eventually(Duration.ofSeconds(30), () -> Db.longValue(db, "SELECT count(*) FROM"
                        + " webhook_inbox WHERE erasure AND status = 'pending'") == 1);
                HubSpotWorld.eventually(Duration.ofSeconds(10), () -> hs.webhookLog().attempts().stream()
                        .anyMatch(a -> a.status() == 200));
                assertThat(core.member("hubspot", Long.toString(person))).as("held, not applied yet").isPresent();
                first.kill();
            }

            try (AppProcess second = AppProcess.start("webhook-crash-2", settings, secrets)) {
                HubSpotWorld.eventually(Duration.ofSeconds(60), () -> Db.longValue(db,
                        "SELECT count(*) FROM members WHERE erased_at IS NOT NULL") == 1);
                assertThat(core.member("hubspot", Long.toString(person))).isEmpty();
                assertThat(Db.longValue(db, "SELECT count(*) FROM members WHERE email = 'forget.me@example.com'"))
                        .isZero();
                assertThat(Db.longValue(db, "SELECT count(*) FROM webhook_inbox WHERE erasure AND status = 'done'"))
                        .isEqualTo(1);
                assertThat(post(webhookUrl, repeat)).as("the repeat is known after the restart")
                        .isEqualTo("{\"received\":1,\"fresh\":0}");
                assertThat(core.ledgerMismatches()).isEmpty();
            }
        }
    }

    private static String post(String url, String body) throws Exception {
        long now = System.currentTimeMillis();
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, Long.toString(now))
                .header(V3Signature.HEADER, V3Signature.sign(SECRET, "POST", url, body, now))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return res.body();
    }
}
