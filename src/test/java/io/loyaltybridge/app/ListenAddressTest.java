package io.loyaltybridge.app;

import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.Listeners;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses the listeners really bind: the API by camel.server.host, sandbox mode only on loopback. */
class ListenAddressTest {

    @Test
    void in_production_the_api_binds_every_interface_by_default_as_the_readme_says() {
        try (Application app = TestApp.start(TestPostgres.freshDatabase())) {
            assertThat(Listeners.on(URI.create(app.baseUrl()).getPort())).hasSize(1)
                    .isSubsetOf(Listeners.EVERY_INTERFACE);
        }
    }

    @Test
    void in_production_the_api_binds_the_address_in_camel_server_host() {
        try (Application app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "camel.server.host", "127.0.0.1"))) {
            assertThat(Listeners.on(URI.create(app.baseUrl()).getPort())).containsExactly("127.0.0.1");
            assertThat(new Http(app.baseUrl(), TestApp.TOKEN).get("/api/program").status()).isEqualTo(200);
        }
    }

    @Test
    void sandbox_mode_binds_the_api_and_both_crm_peers_to_127_0_0_1_only(@TempDir Path data) {
        Map<String, String> overrides = Map.of("camel.server.port", Integer.toString(TestApp.freePort()),
                "camel.server.host", "0.0.0.0", "loyalty.data-dir", data.toString(),
                "loyalty.sandbox.customers", "10", "loyalty.sandbox.orders", "0",
                "loyalty.sandbox.orders-per-minute", "0");
        try (SandboxMode sandbox = SandboxMode.start(Path.of("").toAbsolutePath(), overrides,
                Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN))) {
            assertThat(Listeners.on(URI.create(sandbox.app().baseUrl()).getPort())).as("API")
                    .containsExactly("127.0.0.1");
            assertThat(Listeners.on(URI.create(sandbox.salesforce().loginUrl()).getPort())).as("Salesforce login")
                    .containsExactly("127.0.0.1");
            assertThat(Listeners.on(URI.create(sandbox.salesforce().instanceUrl()).getPort()))
                    .as("Salesforce instance").containsExactly("127.0.0.1");
            assertThat(Listeners.on(sandbox.salesforce().pubSubPort())).as("Salesforce Pub/Sub")
                    .containsExactly("127.0.0.1");
            assertThat(Listeners.on(sandbox.hubspot().port())).as("HubSpot").containsExactly("127.0.0.1");
        }
    }
}
