package io.loyaltybridge.hubspot;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff tier grant, and its revocation, reach the HubSpot contact like any tier change: tier and next tier. */
class TierGrantPushTest {
    private static final String RICH = Path.of("src/test/resources/programs/rich.yaml").toAbsolutePath().toString();

    @Test
    void a_tier_grant_and_its_revocation_reach_the_hubspot_contact_as_any_tier_change_does() {
        long[] c = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of("loyalty.program.file", RICH),
                hs -> c[0] = hs.admin().createContact("vera@example.com", "Vera", "Ip"))) {
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.inSync(c[0]));
            MemberId member = w.memberOf(c[0]).orElseThrow();
            assertThat(w.shown(c[0])).containsEntry("loyalty_tier", "bronze");
            Http http = new Http(w.app.baseUrl(), TestApp.TOKEN);

            Http.Response granted = http.send(http.builder("/api/members/" + member + "/tier-grant")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"tier\":\"gold\",\"reason\":\"key account\"}")).build());
            assertThat(granted.status()).as(granted.text()).isEqualTo(200);

            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> "gold".equals(w.shown(c[0]).get("loyalty_tier")));
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.inSync(c[0]));
            assertThat(w.shown(c[0])).containsEntry("loyalty_next_tier", "vip");

            Http.Response revoked = http.send(http.builder("/api/members/" + member + "/tier-grant").DELETE().build());
            assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);

            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> "bronze".equals(w.shown(c[0]).get("loyalty_tier")));
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.inSync(c[0]));
            assertThat(w.shown(c[0])).containsEntry("loyalty_next_tier", "silver");
            w.assertLedgerAndSpecs();
        }
    }
}
