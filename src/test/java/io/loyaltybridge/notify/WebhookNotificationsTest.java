package io.loyaltybridge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RICH = Path.of("src/test/resources/programs/rich.yaml");

    private final String databaseUrl = TestPostgres.freshDatabase();
    private final LoopbackReceiver receiver = new LoopbackReceiver();
    private Application app;
    private Http http;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        receiver.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("loyalty.db.url", databaseUrl,
                "loyalty.program.file", RICH.toAbsolutePath().toString(),
                "loyalty.notify.webhooks.enabled", "true", "loyalty.notify.poll-interval-ms", "150",
                "loyalty.notify.retry-base-ms", "100"));
        settings.put("loyalty.notify.webhooks.allow-private-targets", "true"); // the receiver is on loopback
        settings.putAll(extra);
        app = TestApp.start(settings);
        http = new Http(app.baseUrl(), TestApp.TOKEN);
    }

    @Test
    void eachEventReachesEachMatchingSubscriptionOnceSignedWithItsSecret() throws IOException {
        start(Map.of());
        JsonNode all = subscribe("/all", "[]");
        JsonNode redemptions = subscribe("/redemptions", "[\"points_redeemed\"]");
        assertThat(all.get("secret").asText()).startsWith("whsec_");
        assertThat(http.get("/api/webhooks/subscriptions").json().toString()).doesNotContain("whsec_");

        long member = order("ann@example.com", "A-1", "600.00");
        Http.Response redeemed = http.post("/api/members/" + member + "/redemptions",
                "{\"points\": 100, \"reason\": \"voucher\", \"idempotencyKey\": \"r-1\"}");
        assertThat(redeemed.status()).isEqualTo(201);
        http.post("/api/members/" + member + "/redemptions",
                "{\"points\": 100, \"reason\": \"voucher\", \"idempotencyKey\": \"r-1\"}"); // a replay: no event

        await(() -> receiver.accepted().size() >= 5);
        pause(600); // a few more queue passes: nothing may arrive twice
        Map<String, List<String>> typesByPath = receiver.accepted().stream().collect(Collectors.groupingBy(
                LoopbackReceiver.Received::path, Collectors.mapping(r -> r.headers().get("X-Loyalty-Event"),
                        Collectors.toList())));
        assertThat(typesByPath.get("/all")).containsExactlyInAnyOrder("points_earned", "tier_up", "badge_earned",
                "points_redeemed");
        assertThat(typesByPath.get("/redemptions")).containsExactly("points_redeemed");

        for (LoopbackReceiver.Received r : receiver.accepted()) {
            String secret = (r.path().equals("/all") ? all : redemptions).get("secret").asText();
            String[] parts = r.headers().get("X-Loyalty-Signature").split(",");
            String timestamp = parts[0].substring(2);
            assertThat(parts[1]).isEqualTo("v1=" + WebhookSignatures.hmac(secret, timestamp + "." + r.body()));
            assertThat(r.headers().get("X-Loyalty-Timestamp")).isEqualTo(timestamp);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("memberId").asLong()).isEqualTo(member);
            assertThat(body.get("eventId").asText()).isEqualTo(r.headers().get("X-Loyalty-Event-Id"));
        }
        JsonNode tierUp = JSON.readTree(receiver.accepted().stream()
                .filter(r -> "tier_up".equals(r.headers().get("X-Loyalty-Event"))).findFirst().orElseThrow().body());
        assertThat(tierUp.get("subject").asText()).isEqualTo("Welcome to silver");
        assertThat(tierUp.get("body").asText()).contains("Ann", "from bronze to silver");

        JsonNode log = http.get("/api/notifications/deliveries?channel=webhook&subscriptionId="
                + redemptions.get("id").asText()).json().get("deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asText()).isEqualTo("delivered");
        assertThat(log.get(0).get("responseStatus").asInt()).isEqualTo(200);
    }

    @Test
    void aDeliveryFailingWhenTheAppStopsIsDeliveredOnceAfterTheRestart() {
        receiver.answer(503);
        start(Map.of());
        subscribe("/hook", "[\"points_earned\"]");
        order("bob@example.com", "B-1", "40.00");
        await(() -> receiver.all().size() >= 2); // failed, retried with backoff, failed again
        app.close();
        app = null;
        int attemptsBeforeRestart = receiver.all().size();
        assertThat(Db.longValue(databaseUrl, "SELECT count(*) FROM notification_deliveries WHERE status = 'pending'"
                + " AND last_error LIKE '%503%'")).isEqualTo(1);

        receiver.answer(200);
        start(Map.of());
        await(() -> !receiver.accepted().isEmpty());
        pause(600);
        assertThat(receiver.accepted()).hasSize(1);
        assertThat(receiver.all().size()).isGreaterThan(attemptsBeforeRestart);
        assertThat(Db.longValue(databaseUrl, "SELECT count(*) FROM notification_deliveries WHERE status ="
                + " 'delivered' AND attempts > 2")).isEqualTo(1);
    }

    @Test
    void marketingEventsReachOnlyMembersWhoConsentedAndConsentChangesAreRecordedWithTheirSource() {
        start(Map.of());
        subscribe("/hook", "[\"birthday\"]");
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        long yes = join("yes@example.com", today, true);
        long no = join("no@example.com", today, false);

        app.core().jobs().birthdayBonus();
        await(() -> !receiver.accepted().isEmpty());
        pause(400);
        assertThat(receiver.accepted()).hasSize(1);
        assertThat(receiver.accepted().get(0).body()).contains("\"memberId\":" + yes);
        JsonNode suppressed = http.get("/api/notifications/deliveries?status=suppressed").json().get("deliveries");
        assertThat(suppressed).hasSize(1);
        assertThat(suppressed.get(0).get("memberId").asLong()).isEqualTo(no);
        assertThat(suppressed.get(0).get("eventType").asText()).isEqualTo("birthday");

        Http.Response set = http.send(http.builder("/api/members/" + no + "/consent")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"marketing\": true}")).build());
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("marketing").asBoolean()).isTrue();
        JsonNode history = http.get("/api/members/" + no + "/consent").json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("marketing").asBoolean()).isFalse();
        assertThat(history.get(1).get("source").asText()).isEqualTo("api");
        assertThat(history.get(1).get("marketing").asBoolean()).isTrue();
        assertThat(Db.longValue(databaseUrl, "SELECT count(*) FROM audit_log WHERE action = 'consent.changed'"
                + " AND member_id = " + no)).isEqualTo(1);

        Http.Response bad = http.send(http.builder("/api/members/" + no + "/consent")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"marketing\": \"yes\"}")).build());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("marketing");
    }

    @Test
    void anUnknownPlaceholderStopsTheStartNamingTheFileTheEventAndThePlaceholder(@TempDir Path dir)
            throws IOException {
        Path templates = Files.writeString(dir.resolve("notifications.yaml"), """
                tier_up:
                  subject: "Welcome to {{tier}}"
                  body: "Hello {{frist_name}}"
                """);
        assertThatThrownBy(() -> start(Map.of("loyalty.notify.templates-file", templates.toString())))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(templates.toString())
                .hasMessageContaining("tier_up")
                .hasMessageContaining("{{frist_name}}");
    }

    @Test
    void aCrmChannelSwitchedOnWithoutItsConnectorStopsTheStartNamingBothKeys() {
        assertThatThrownBy(() -> start(Map.of("loyalty.notify.salesforce.enabled", "true")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("loyalty.notify.salesforce.enabled")
                .hasMessageContaining("loyalty.salesforce.enabled");
    }

    @Test
    void aSubscriptionWithABadUrlOrEventTypeIsRefusedNamingTheFields() {
        start(Map.of());
        Http.Response bad = http.post("/api/webhooks/subscriptions",
                "{\"url\": \"ftp://x\", \"eventTypes\": [\"points_earned\", \"nope\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("url", "eventTypes");
        assertThat(Db.count(databaseUrl, "webhook_subscriptions")).isZero();

        JsonNode created = subscribe("/gone", "[]");
        Http.Response deleted = http.send(http.builder("/api/webhooks/subscriptions/" + created.get("id").asText())
                .DELETE().build());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(http.get("/api/webhooks/subscriptions").json().get("subscriptions")).isEmpty();
        order("cid@example.com", "C-1", "20.00");
        assertThat(Db.count(databaseUrl, "notification_deliveries")).isZero();
    }

    private JsonNode subscribe(String path, String eventTypes) {
        Http.Response created = http.post("/api/webhooks/subscriptions",
                "{\"url\": \"" + receiver.url(path) + "\", \"eventTypes\": " + eventTypes + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    private long order(String email, String externalId, String total) {
        Http.Response r = http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s","firstName":"Ann"},"total":"%s",
                 "currency":"EUR","placedAt":"%s","status":"completed",
                 "lines":[{"sku":"BOOK-1","category":"books","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(externalId, email, total, Instant.now().minus(Duration.ofMinutes(5)), total));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/order/memberId").asLong();
    }

    private long join(String email, String birthDate, boolean marketing) {
        Http.Response r = http.post("/api/members", """
                {"email":"%s","firstName":"Eve","birthDate":"%s","consent":{"marketing":%s}}"""
                .formatted(email, birthDate, marketing));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            pause(50);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
