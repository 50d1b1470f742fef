package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth option: access tokens from the refresh token, renewed when HubSpot says the one in use expired. */
class OAuthTest {
    private static final String FIRST = "oauth-access-token-1";
    private static final String SECOND = "oauth-access-token-2";

    @Test
    void an_expired_access_token_is_renewed_from_the_refresh_token_and_the_sync_goes_on() {
        try (HubSpotSandbox hs = HubSpotSandbox.start(SandboxOptions.defaults().token(FIRST).token(SECOND));
             SpecCheckingProxy proxy = new SpecCheckingProxy(hs.baseUrl())) {
            proxy.issueTokens(List.of(FIRST, SECOND));
            long ann = hs.admin().createContact("oauth@example.com", "O", "Auth");
            try (Application app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                    "loyalty.hubspot.enabled", "true", "loyalty.hubspot.auth", "oauth",
                    "loyalty.hubspot.base-url", proxy.url(), "loyalty.hubspot.poll-interval-ms", "300"),
                    Map.of("HUBSPOT_CLIENT_ID", "client-1", "HUBSPOT_CLIENT_SECRET", "client-secret",
                            "HUBSPOT_REFRESH_TOKEN", "refresh-1"))) {
                HubSpotWorld.eventually(Duration.ofSeconds(15),
                        () -> hs.admin().contact(ann).orElseThrow().containsKey("loyalty_member_id"));
                hs.faults().expireToken(FIRST);
                long bob = hs.admin().createContact("oauth2@example.com", "Bob", "Auth");
                HubSpotWorld.eventually(Duration.ofSeconds(15),
                        () -> hs.admin().contact(bob).orElseThrow().containsKey("loyalty_member_id"));
                assertThat(proxy.tokenRequests()).hasSize(2).allSatisfy(form -> assertThat(form)
                        .contains("grant_type=refresh_token", "client_id=client-1", "refresh_token=refresh-1"));
                assertThat(proxy.exchanges().stream().filter(e -> e.status() == 401)).hasSize(1);
                assertThat(proxy.mismatches()).isEmpty();
                assertThat(app.ledgerCheck().mismatches()).isEmpty();
            }
        }
    }
}
