package io.loyaltybridge.sandbox.shop;

import io.loyaltybridge.sandbox.SeedClock;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop's survey answers: in both CRMs, each from one of the shop's customers, scores in their scale. */
class ShopSurveysTest {
    @Test
    void the_demo_shop_has_survey_answers_in_both_crms_from_its_customers() {
        SeedClock clock = new SeedClock();
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock));
             HubSpotSandbox hs = HubSpotSandbox.start(io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults()
                     .token("shop-test-token").clock(clock))) {
            ShopLoader.Loaded loaded = ShopLoader.load(ShopSeed.generate(80, 200, Instant.now(), 5), sf, hs, clock);
            List<Long> hubspotContacts = Arrays.stream(loaded.hubspotIds()).filter(id -> id != 0).boxed().toList();
            long submissions = hs.admin().count(ObjectType.FEEDBACK_SUBMISSIONS);
            assertThat(submissions).isPositive();
            for (long id = 60_000_001L; id < 60_000_001L + submissions; id++) {
                Map<String, String> p = hs.admin().properties(ObjectType.FEEDBACK_SUBMISSIONS, id).orElseThrow();
                assertThat(p.get("hs_survey_type")).isEqualTo("NPS");
                assertThat(Integer.parseInt(p.get("hs_value"))).isBetween(0, 10);
                assertThat(hubspotContacts).contains(Long.parseLong(p.get("hs_contact_id")));
            }
            List<String> salesforceContacts = Arrays.stream(loaded.salesforceIds()).filter(Objects::nonNull).toList();
            List<Map<String, Object>> invitations = sf.admin().records("SurveyInvitation");
            assertThat(invitations).isNotEmpty().allSatisfy(i ->
                    assertThat(salesforceContacts).contains((String) i.get("ParticipantId")));
            assertThat(sf.admin().records("SurveyResponse")).hasSameSizeAs(invitations);
        }
    }
}
