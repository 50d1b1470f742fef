package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each OAuth flow from the environment, and the start refusing an incomplete or invalid configuration. */
class AuthAndSettingsTest {
    static final Map<String, String> POLL_ONLY = Map.of("loyalty.salesforce.backfill.enabled", "false",
            "loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "3600");

    @Test
    void the_start_names_every_missing_secret_of_the_chosen_flow_and_every_bad_key_at_once() {
        assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.salesforce.enabled", "true", "loyalty.salesforce.auth", "refresh-token")))
                .isInstanceOf(StartupException.class).hasMessageContaining("SALESFORCE_CLIENT_ID")
                .hasMessageContaining("SALESFORCE_CLIENT_SECRET").hasMessageContaining("SALESFORCE_REFRESH_TOKEN");
        assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.salesforce.enabled", "yes",
                "loyalty.salesforce.auth", "password", "loyalty.salesforce.field.tier", "Tier Field")))
                .isInstanceOf(StartupException.class).hasMessageContaining("loyalty.salesforce.enabled")
                .hasMessageContaining("loyalty.salesforce.auth: must be one of client-credentials, refresh-token, jwt")
                .hasMessageContaining("loyalty.salesforce.field.tier");
    }

    @Test
    void a_refresh_token_from_the_environment_logs_in_and_syncs() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            String id = sf.admin().createContact(Map.of("LastName", "Refresh", "Email", "refresh@example.com"));
            Map<String, String> settings = new HashMap<>(h.settings(POLL_ONLY));
            settings.put("loyalty.salesforce.auth", "refresh-token");
            h.app = TestApp.start(settings, Map.of("SALESFORCE_CLIENT_ID", sf.options().clientId(),
                    "SALESFORCE_CLIENT_SECRET", sf.options().clientSecret(),
                    "SALESFORCE_REFRESH_TOKEN", sf.options().refreshToken()));
            h.awaitConverged(Map.of(id, 0L));
        }
    }

    @Test
    void a_jwt_bearer_assertion_signed_with_the_configured_keystore_logs_in_and_syncs(@TempDir Path dir)
            throws Exception {
        Path keystore = dir.resolve("jwt.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=loyaltybridge",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                "jwt-secret").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "jwt-secret".toCharArray());
        }
        SandboxOptions options = SandboxOptions.defaults().withJwtPublicKey(ks.getCertificate("jwt").getPublicKey());
        try (SalesforceSandbox sf = SalesforceSandbox.start(options); Harness h = new Harness(sf)) {
            String id = sf.admin().createContact(Map.of("LastName", "Jwt", "Email", "jwt@example.com"));
            Map<String, String> settings = new HashMap<>(h.settings(POLL_ONLY));
            settings.put("loyalty.salesforce.auth", "jwt");
            settings.put("loyalty.salesforce.jwt.keystore", keystore.toString());
            h.app = TestApp.start(settings, Map.of("SALESFORCE_CLIENT_ID", sf.options().clientId(),
                    "SALESFORCE_USERNAME", sf.options().username(), "SALESFORCE_JWT_KEYSTORE_PASSWORD", "jwt-secret"));
            h.awaitConverged(Map.of(id, 0L));
        }
    }

    @Test
    void client_credentials_at_a_generic_login_host_is_refused_at_start_naming_the_key_and_a_my_domain_example() {
        for (String generic : new String[] {"https://login.salesforce.com", "https://test.salesforce.com/"}) {
            assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                    "loyalty.salesforce.enabled", "true", "loyalty.salesforce.login-url", generic),
                    Map.of("SALESFORCE_CLIENT_ID", "id", "SALESFORCE_CLIENT_SECRET", "secret")))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("loyalty.salesforce.login-url: " + generic + " is a generic login host")
                    .hasMessageContaining("https://yourcompany.my.salesforce.com");
        }
    }

    @Test
    void the_jwt_audience_is_test_salesforce_com_for_sandbox_orgs_and_login_salesforce_com_otherwise() {
        assertThat(audience("https://login.salesforce.com", null)).isEqualTo("https://login.salesforce.com");
        assertThat(audience("https://acme.my.salesforce.com", null)).isEqualTo("https://login.salesforce.com");
        assertThat(audience("https://test.salesforce.com", null)).isEqualTo("https://test.salesforce.com");
        assertThat(audience("https://acme--uat.sandbox.my.salesforce.com", null))
                .isEqualTo("https://test.salesforce.com");
        assertThat(audience("https://acme.my.salesforce.com", "https://test.salesforce.com"))
                .isEqualTo("https://test.salesforce.com");
    }

    private static String audience(String loginUrl, String configured) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("loyalty.salesforce.login-url", loginUrl);
        if (configured != null) {
            p.setProperty("loyalty.salesforce.jwt.audience", configured);
        }
        return Credentials.jwtAudience(io.loyaltybridge.app.Config.load(p, Map.of()));
    }

    @Test
    void a_configured_jwt_audience_logs_in_to_a_sandbox_org_that_checks_it(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("jwt.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=loyaltybridge",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                "jwt-secret").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        SandboxOptions options = SandboxOptions.defaults().withJwtAudience("https://test.salesforce.com");
        try (SalesforceSandbox sf = SalesforceSandbox.start(options); Harness h = new Harness(sf)) {
            String id = sf.admin().createContact(Map.of("LastName", "Jwt", "Email", "jwt@example.com"));
            Map<String, String> settings = new HashMap<>(h.settings(POLL_ONLY));
            settings.put("loyalty.salesforce.auth", "jwt");
            settings.put("loyalty.salesforce.jwt.keystore", keystore.toString());
            Map<String, String> secrets = Map.of("SALESFORCE_CLIENT_ID", sf.options().clientId(),
                    "SALESFORCE_USERNAME", sf.options().username(), "SALESFORCE_JWT_KEYSTORE_PASSWORD", "jwt-secret");
            // derived from the loopback login URL, the audience is production's: this sandbox org refuses it
            Map<String, String> derived = new HashMap<>(settings);
            derived.put("loyalty.db.url", TestPostgres.freshDatabase());
            assertThatThrownBy(() -> TestApp.start(derived, secrets).close())
                    .hasStackTraceContaining("audience is invalid");
            settings.put("loyalty.salesforce.jwt.audience", "https://test.salesforce.com");
            h.app = TestApp.start(settings, secrets);
            h.awaitConverged(Map.of(id, 0L));
        }
    }
}
