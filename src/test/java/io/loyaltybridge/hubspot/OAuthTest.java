package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth option: access tokens from the refresh token at the date-versioned POST /oauth/2026-03/token (the v1
 * endpoints retire on 2027-02-16; the proxy fails the test on any call to one), renewed when HubSpot says the one
 * in use expired.
 */
class OAuthTest {

    @Test
    void an_expired_access_token_is_renewed_at_the_2026_03_token_endpoint_with_a_form_body_and_the_sync_goes_on() {
        try (HubSpotSandbox hs = HubSpotSandbox.start(SandboxOptions.defaults()
                .oauthApp("client-1", "client-secret", "refresh-1"));
             SpecCheckingProxy proxy = new SpecCheckingProxy(hs.baseUrl())) {
            long ann = hs.admin().createContact("oauth@example.com", "O", "Auth");
            try (Application app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                    "loyalty.hubspot.enabled", "true", "loyalty.hubspot.auth", "oauth",
                    "loyalty.hubspot.base-url", proxy.url(), "loyalty.hubspot.poll-interval-ms", "300"),
                    Map.of("HUBSPOT_CLIENT_ID", "client-1", "HUBSPOT_CLIENT_SECRET", "client-secret",
                            "HUBSPOT_REFRESH_TOKEN", "refresh-1"))) {
                HubSpotWorld.eventually(Duration.ofSeconds(15),
                        () -> hs.admin().contact(ann).orElseThrow().containsKey("loyalty_member_id"));
                assertThat(hs.issuedTokens()).hasSize(1);
                hs.faults().expireToken(hs.issuedTokens().get(0));
                long bob = hs.admin().createContact("oauth2@example.com", "Bob", "Auth");
                HubSpotWorld.eventually(Duration.ofSeconds(15),
                        () -> hs.admin().contact(bob).orElseThrow().containsKey("loyalty_member_id"));
                assertThat(hs.issuedTokens()).hasSize(2);
                assertThat(proxy.count("POST /oauth/2026-03/token", 200)).isEqualTo(2);
                assertThat(proxy.exchanges()).noneMatch(e -> e.endpoint().contains("/oauth/v1/"));
                assertThat(proxy.tokenRequests()).hasSize(2).allSatisfy(form -> assertThat(form)
                        .contains("grant_type=refresh_token", "client_id=client-1", "refresh_token=refresh-1"));
                assertThat(proxy.exchanges().stream().filter(e -> e.status() == 401)).hasSize(1);
                assertThat(proxy.mismatches()).isEmpty();
                assertThat(app.ledgerCheck().mismatches()).isEmpty();
            }
        }
    }

    @Test
    void a_refused_refresh_token_is_reported_with_the_oauth_error_and_its_description() {
        com.fasterxml.jackson.databind.JsonNode reply = HubSpotClient.JSON.createObjectNode()
                .put("status", "error").put("message", "missing or unknown refresh token")
                .put("error", "invalid_grant").put("error_description", "missing or unknown refresh token");
        assertThat(HubSpotAuth.reason(reply)).isEqualTo("invalid_grant: missing or unknown refresh token");
    }
}
