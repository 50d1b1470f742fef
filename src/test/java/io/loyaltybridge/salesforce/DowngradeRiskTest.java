package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact fields of issue 16 end to end, with the shipped program (calendar-year tiers, gold from 2000 points):
 * one person in both sandboxes earns gold this year; eleven months later, in the next window with nothing earned,
 * the tier assessment finds them at risk. Both CRMs show the new fields as the core computes them, the risk's rise is
 * an open Salesforce Task and a HubSpot note, and carrying it costs one push call per CRM, as any profile change does.
 */
class DowngradeRiskTest {
    private static final String HS_TOKEN = "pat-na1-risk-test";
    private static final String HS_SECRET = "risk-test-app-secret";
    private static final List<String> SALESFORCE_FIELDS = List.of("Loyalty_Points_To_Keep_Tier__c",
            "Loyalty_Projected_Tier__c", "Loyalty_Tier_Expires_On__c", "Loyalty_Downgrade_Risk__c",
            "Loyalty_Next_Best_Offer__c", "Loyalty_Preferred_Category__c", "Loyalty_Badges__c", "Loyalty_Cashback__c",
            "Loyalty_Pending_Points__c");
    private static final List<String> HUBSPOT_FIELDS = List.of("loyalty_points_to_keep_tier",
            "loyalty_projected_tier", "loyalty_tier_expires_on", "loyalty_downgrade_risk", "loyalty_next_best_offer",
            "loyalty_preferred_category", "loyalty_badges", "loyalty_cashback", "loyalty_pending_points");

    private final ShiftedClock appClock = new ShiftedClock();

    @Test
    void a_gold_member_falling_behind_shows_the_risk_fields_in_both_crms_as_the_core_does_and_its_rise_reaches_both() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
             HubSpotSandbox hs = HubSpotSandbox.start(io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults()
                     .token(HS_TOKEN).appSecret(HS_SECRET));
             Harness h = new Harness(sf)) {
            String contact = sf.admin().createContact(Map.of("FirstName", "Gail", "LastName", "Gold",
                    "Email", "gail.gold@example.com"));
            sf.admin().createOrder(contact, "Activated", LocalDate.now(ZoneOffset.UTC), "EUR",
                    List.of(new Line("SKU-SHOE-01", 1, 1500.0)));
            long hsContact = hs.admin().createContact("gail.gold@example.com", "Gail", "Gold");
            hs.admin().createOrder(hsContact, Map.of("hs_total_price", "1000", "hs_currency_code", "EUR",
                    "hs_pipeline_stage", "delivered"));
            h.app = BothCrmsAgree.start(h, hs, HS_TOKEN, HS_SECRET, appClock);
            Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);

            // Gold earned this year: nothing left to keep it, no risk; both CRMs show it, from both identities.
            Harness.await("one member in both CRMs, shown as the core shows it", () -> {
                JsonNode found = http.get("/api/members?email=gail.gold@example.com").json();
                return found != null && found.has("id") && BothCrmsAgree.on(http, found.get("id").asLong())
                        && "gold".equals(profile(h, found.get("id").asLong()).tier());
            }, Duration.ofSeconds(60));
            long member = http.get("/api/members?email=gail.gold@example.com").json().get("id").asLong();
            assertThat(profile(h, member).downgradeRisk()).isEqualTo("none");
            JsonNode before = http.get("/api/members/" + member + "/crm").json().get("systems");
            assertThat(before.at("/salesforce/fields/Loyalty_Downgrade_Risk__c").asText()).isEqualTo("none");
            assertThat(before.at("/hubspot/fields/loyalty_downgrade_risk").asText()).isEqualTo("none");
            assertThat(before.at("/hubspot/fields/loyalty_tier").asText()).isEqualTo("gold");
            long composites = sf.calls().count("composite.update");
            long batches = hs.calls().calls("POST /crm/v3/objects/contacts/batch/update");

            // November of the next year, nothing earned in it: the assessment keeps gold and finds the risk.
            LocalDate november = LocalDate.now(ZoneOffset.UTC).plusYears(1).withMonth(11).withDayOfMonth(15);
            appClock.moveTo(november.atTime(10, 0).toInstant(ZoneOffset.UTC));
            h.app.core().jobs().tierAssessment();
            LoyaltyProfile atRisk = profile(h, member);
            assertThat(atRisk.tier()).isEqualTo("gold");
            assertThat(atRisk.downgradeRisk()).isIn("low", "high");
            assertThat(atRisk.pointsToKeepTier()).isEqualTo(2000L);
            Harness.await("both CRMs show the risk", () -> BothCrmsAgree.on(http, member), Duration.ofSeconds(30));
            JsonNode after = http.get("/api/members/" + member + "/crm").json().get("systems");
            assertThat(after.at("/salesforce/fields/Loyalty_Downgrade_Risk__c").asText())
                    .isEqualTo(atRisk.downgradeRisk());
            assertThat(after.at("/hubspot/fields/loyalty_downgrade_risk").asText()).isEqualTo(atRisk.downgradeRisk());
            assertThat(after.at("/salesforce/fields/Loyalty_Tier_Expires_On__c").asText())
                    .isEqualTo(atRisk.tierExpiresOn().toString());
            assertThat(after.at("/hubspot/fields/loyalty_projected_tier").asText()).isEqualTo(atRisk.projectedTier());
            SALESFORCE_FIELDS.forEach(f -> assertThat(after.at("/salesforce/core").has(f)).as(f).isTrue());
            HUBSPOT_FIELDS.forEach(f -> assertThat(after.at("/hubspot/core").has(f)).as(f).isTrue());
            // The changed fields went in the one update each CRM gets for a changed member, not in calls of their own.
            assertThat(sf.calls().count("composite.update") - composites).isEqualTo(1);
            assertThat(hs.calls().calls("POST /crm/v3/objects/contacts/batch/update") - batches).isEqualTo(1);

            // The rise is one tier_at_risk event, an open Task for sales in Salesforce and a note in HubSpot.
            Harness.await("the tier_at_risk event delivered to both CRMs", () -> Db.longValue(h.databaseUrl,
                    "SELECT count(*) FROM notification_deliveries d JOIN member_events e ON e.id = d.event_id"
                            + " WHERE e.event_type = 'tier_at_risk' AND d.status = 'delivered'") == 2,
                    Duration.ofSeconds(30));
            List<Map<String, Object>> open = sf.admin().records("Task").stream()
                    .filter(t -> contact.equals(t.get("WhoId")) && "Not Started".equals(t.get("Status"))).toList();
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("Subject")).isEqualTo("Gail Gold may lose gold (downgrade risk "
                    + atRisk.downgradeRisk() + ")");
            assertThat(open.get(0).get("Priority")).isEqualTo("High");
            // The Task is the contact's owner's (the sandbox's user owns what it created, as a real org's would).
            assertThat(open.get(0).get("OwnerId")).isEqualTo(SalesforceSandbox.USER_ID);
            String expectedBody = "Downgrade risk rose from none to " + atRisk.downgradeRisk()
                    + ": Gail Gold needs 2000 more to keep gold, which expires on " + atRisk.tierExpiresOn();
            assertThat((String) open.get(0).get("Description")).startsWith(expectedBody);
            assertThat(hs.admin().associations(ObjectType.CONTACTS, hsContact, ObjectType.NOTES).stream()
                    .map(note -> hs.admin().properties(ObjectType.NOTES, note).orElseThrow().get("hs_note_body")))
                    .anySatisfy(body -> assertThat(body).contains(expectedBody));

            // A second assessment the same day finds no change: no event, no push.
            h.app.core().jobs().tierAssessment();
            assertThat(Db.longValue(h.databaseUrl,
                    "SELECT count(*) FROM member_events WHERE event_type = 'tier_at_risk'")).isEqualTo(1);
            assertThat(h.app.ledgerCheck().mismatches()).isEmpty();
        }
    }

    private static LoyaltyProfile profile(Harness h, long member) {
        MemberId id = new MemberId(member);
        return h.core().transactions().read(() -> h.core().profiles().of(List.of(id))).get(id);
    }

    /** Real time, moved forward when the test jumps ahead: timers and leases keep ticking. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void moveTo(Instant instant) {
            offset = Duration.between(Instant.now(), instant);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new io.loyaltybridge.sandbox.ZoneView(this, zone); // days read in the program's zone
        }
    }
}
