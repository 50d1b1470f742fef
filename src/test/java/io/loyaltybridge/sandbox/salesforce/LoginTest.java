package io.loyaltybridge.sandbox.salesforce;

import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginTest {
    @TempDir
    static Path dir;
    static SalesforceSandbox sf;
    static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("jwt.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=loyaltybridge",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        PublicKey key = ks.getCertificate("jwt").getPublicKey();
        sf = SalesforceSandbox.start(SandboxOptions.defaults().withJwtPublicKey(key));
        sf.admin().createContact(java.util.Map.of("LastName", "Login"));
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    @Test
    void client_credentials_login_gives_a_session_that_can_query_and_is_revoked_on_stop() {
        long revokes = sf.calls().count("revoke");
        try (CamelSalesforce camel = CamelSalesforce.clientCredentials(sf).start()) {
            String json = camel.request("salesforce:query?rawPayload=true", "SELECT Id FROM Contact", String.class);
            assertThat(json).contains("\"totalSize\":1");
        }
        assertThat(sf.calls().count("revoke")).isEqualTo(revokes + 1);
    }

    @Test
    void refresh_token_login_works() {
        try (CamelSalesforce camel = CamelSalesforce.with(sf, c -> {
            c.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
            c.setClientId(sf.options().clientId());
            c.setClientSecret(sf.options().clientSecret());
            c.setRefreshToken(sf.options().refreshToken());
        }).start()) {
            assertThat(camel.request("salesforce:query?rawPayload=true", "SELECT Id FROM Contact", String.class))
                    .contains("\"done\":true");
        }
    }

    @Test
    void jwt_bearer_login_with_a_signed_assertion_for_the_production_audience_works() {
        try (CamelSalesforce camel = CamelSalesforce.with(sf, c -> {
            jwt(c, keystore);
            c.setJwtAudience("https://login.salesforce.com");
        }).start()) {
            assertThat(camel.request("salesforce:query?rawPayload=true", "SELECT Id FROM Contact", String.class))
                    .contains("\"done\":true");
        }
    }

    @Test
    void a_jwt_whose_audience_is_the_url_it_is_posted_to_is_refused_as_salesforce_does() {
        // camel's default aud is its login URL; Salesforce wants login.salesforce.com or test.salesforce.com
        CamelSalesforce camel = CamelSalesforce.with(sf, c -> jwt(c, keystore));
        assertThatThrownBy(camel::start).rootCause().hasMessageContaining("invalid_grant")
                .hasMessageContaining("audience is invalid");
        CamelSalesforce sandboxAudience = CamelSalesforce.with(sf, c -> {
            jwt(c, keystore);
            c.setJwtAudience("https://test.salesforce.com");
        });
        assertThatThrownBy(sandboxAudience::start).rootCause().hasMessageContaining("audience is invalid");
    }

    private static void jwt(org.apache.camel.component.salesforce.SalesforceComponent c, Path store) {
        c.setAuthenticationType(AuthenticationType.JWT);
        c.setClientId(sf.options().clientId());
        c.setUserName(sf.options().username());
        KeyStoreParameters ks = new KeyStoreParameters();
        ks.setResource("file:" + store);
        ks.setPassword("changeit");
        ks.setType("PKCS12");
        c.setKeystore(ks);
    }

    @Test
    void a_wrong_refresh_token_fails_the_start_with_invalid_grant() {
        CamelSalesforce camel = CamelSalesforce.with(sf, c -> {
            c.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
            c.setClientId(sf.options().clientId());
            c.setClientSecret(sf.options().clientSecret());
            c.setRefreshToken("stolen-or-stale");
        });
        assertThatThrownBy(camel::start).hasRootCauseInstanceOf(SalesforceException.class)
                .rootCause().hasMessageContaining("invalid_grant");
    }

    @Test
    void a_jwt_signed_by_another_key_is_refused_with_invalid_grant() throws Exception {
        Path other = dir.resolve("other.p12");
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "x", "-keyalg", "RSA", "-dname", "CN=x", "-storetype", "PKCS12", "-keystore",
                other.toString(), "-storepass", "changeit").start().waitFor();
        CamelSalesforce camel = CamelSalesforce.with(sf, c -> {
            jwt(c, other);
            c.setJwtAudience("https://login.salesforce.com");
        });
        assertThatThrownBy(camel::start).rootCause().hasMessageContaining("invalid_grant");
    }
}
