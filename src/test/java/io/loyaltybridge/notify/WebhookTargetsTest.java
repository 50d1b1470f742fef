package io.loyaltybridge.notify;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook subscriptions cannot make the app call inside its own network (server-side request forgery): every class
 * of internal address and every scheme but http(s) is refused with 400 naming the url, unless
 * loyalty.notify.webhooks.allow-private-targets is true, and a target that resolves to an internal address when a
 * delivery is sent fails that delivery for good.
 */
class WebhookTargetsTest {
    /** One URL per class of forbidden target, the forms an attacker would try included. */
    static final List<String> FORBIDDEN = List.of(
            "http://127.0.0.1:8080/hook", "http://127.8.9.10/hook", "http://localhost/hook", "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook",
            "http://10.1.2.3/hook", "http://172.16.0.1/hook", "http://172.31.255.254/hook", "https://192.168.1.20/hook",
            "http://[fc00::1]/hook", "http://[fd12:3456::1]/hook",
            "http://0.0.0.0/hook", "http://0.1.2.3/hook", "http://[::]/hook",
            "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:169.254.169.254]/hook", "http://100.64.0.1/hook",
            "http://2130706433/hook", "http://224.0.0.1/hook",
            "ftp://93.184.216.34/hook", "file:///etc/passwd", "gopher://93.184.216.34:70/_", "javascript:alert(1)",
            "http://user:pass@93.184.216.34/hook", "93.184.216.34/hook");

    @Test
    void every_class_of_internal_address_and_every_other_scheme_is_refused_and_public_addresses_are_taken() {
        WebhookTargets targets = new WebhookTargets(false);
        for (String url : FORBIDDEN) {
            assertThat(targets.refusal(url)).as(url).isPresent();
        }
        assertThat(targets.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(targets.refusal("http://172.32.0.1/hook")).as("just outside 172.16/12").isEmpty();
        assertThat(targets.refusal("https://[2606:4700:4700::1111]/hook")).isEmpty();
        // Not resolvable now: taken, and checked again before every delivery.
        assertThat(targets.refusal("https://hooks.example.invalid/hook")).isEmpty();

        WebhookTargets open = new WebhookTargets(true);
        assertThat(open.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(open.refusal("http://169.254.169.254/")).isEmpty();
        assertThat(open.refusal("file:///etc/passwd")).as("never another scheme").isPresent();
    }

    @Test
    void a_target_resolving_to_an_internal_address_at_send_time_fails_the_delivery_for_good() {
        WebhookTargets targets = new WebhookTargets(false);
        assertThatThrownBy(() -> targets.checkBeforeSending(URI.create("http://localhost:9/hook")))
                .isInstanceOfSatisfying(Channel.DeliveryFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThatThrownBy(() -> targets.checkBeforeSending(URI.create("http://hooks.example.invalid/hook")))
                .isInstanceOfSatisfying(Channel.DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse());
        targets.checkBeforeSending(URI.create("https://93.184.216.34/hook"));
    }

    @Test
    void the_api_refuses_internal_targets_with_400_naming_the_url_and_a_delivery_to_one_is_not_sent() {
        String databaseUrl = TestPostgres.freshDatabase();
        try (LoopbackReceiver receiver = new LoopbackReceiver();
             Application app = TestApp.start(Map.of("loyalty.db.url", databaseUrl,
                     "loyalty.notify.webhooks.enabled", "true", "loyalty.notify.poll-interval-ms", "150",
                     "loyalty.notify.retry-base-ms", "100"))) {
            Http http = new Http(app.baseUrl(), TestApp.TOKEN);
            for (String url : FORBIDDEN) {
                Http.Response refused = http.post("/api/webhooks/subscriptions",
                        "{\"url\": \"" + url + "\", \"eventTypes\": []}");
                assertThat(refused.status()).as(url).isEqualTo(400);
                assertThat(refused.errorFields()).as(url).containsExactly("url");
            }
            assertThat(Db.count(databaseUrl, "webhook_subscriptions")).isZero();

            // A subscription whose name resolved to a public address when it was made, and to loopback now (DNS
            // rebinding), or one made before this check existed: its delivery fails for good, nothing is sent.
            Db.longValue(databaseUrl, "INSERT INTO webhook_subscriptions (url, secret) VALUES ('"
                    + receiver.url("/hook") + "', 'whsec_test') RETURNING id");
            Http.Response order = http.post("/api/orders", """
                    {"source":"shop","externalId":"S-1","member":{"email":"ssrf@example.com","firstName":"Ann"},
                     "total":"20.00","currency":"EUR","placedAt":"%s","status":"completed",
                     "lines":[{"sku":"BOOK-1","category":"books","quantity":1,"unitPrice":"20.00"}]}"""
                    .formatted(Instant.now().minus(Duration.ofMinutes(5))));
            assertThat(order.status()).as(order.text()).isEqualTo(201);
            WebhookNotificationsTest.await(() -> Db.longValue(databaseUrl, "SELECT count(*) FROM"
                    + " notification_deliveries WHERE channel = 'webhook' AND status = 'pending'") == 0
                    && Db.longValue(databaseUrl, "SELECT count(*) FROM notification_deliveries") > 0);
            assertThat(Db.rows(databaseUrl, "SELECT DISTINCT status, attempts FROM notification_deliveries"
                    + " WHERE channel = 'webhook'")).containsExactly("failed | 1");
            assertThat(Db.rows(databaseUrl, "SELECT DISTINCT last_error LIKE 'target refused: resolves to a"
                    + " loopback address%' FROM notification_deliveries")).containsExactly("t");
            assertThat(receiver.all()).isEmpty();
        }
    }
}
