package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff tier grants over real HTTP on the example program (tiers bronze, silver, gold, vip; grants floor the tier):
 * the tier in force, what it earns, explain, the audit log, the CRM outbox and member events all follow a grant.
 */
class TierGrantsApiTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ALICE = "alice-token-0123456789abcdefghij";
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static String databaseUrl;
    private static Application app;
    private static Http http;
    private static Http alice;

    @BeforeAll
    static void start() {
        databaseUrl = TestPostgres.freshDatabase();
        app = TestApp.start(Map.of("loyalty.db.url", databaseUrl,
                "loyalty.program.file", RichFixture.RICH_PROGRAM.toAbsolutePath().toString()),
                Map.of("LOYALTY_API_TOKENS", "alice:manager:" + ALICE), CLOCK);
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        alice = new Http(app.baseUrl(), ALICE);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(PARIS));
    }

    /** A bronze member (one small order) known to HubSpot, so a change of what they show queues a push. */
    private static long crmMember(String email) {
        Http.Response r = http.post("/api/orders", order(email, "seed-" + email, "20"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long member = r.json().at("/order/memberId").asLong();
        execute("INSERT INTO member_identities (system, external_id, member_id) VALUES ('hubspot', 'hs-" + member
                + "', " + member + ")");
        execute("DELETE FROM crm_outbox WHERE member_id = " + member);
        return member;
    }

    private static String order(String email, String externalId, String total) {
        return """
                {"source":"shop","externalId":"%s","member":{"email":"%s"},"total":"%s","currency":"EUR",
                 "placedAt":"%s","status":"completed",
                 "lines":[{"sku":"BOOK-1","category":"books","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(externalId, email, total, CLOCK.instant().minus(Duration.ofHours(1)), total);
    }

    private static Http.Response put(Http client, long member, String body) {
        return client.send(client.builder("/api/members/" + member + "/tier-grant")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Http.Response delete(Http client, long member, String query) {
        return client.send(client.builder("/api/members/" + member + "/tier-grant" + query).DELETE().build());
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long outboxVersion(long member) {
        return Db.longValue(databaseUrl, "SELECT coalesce(max(version), 0) FROM crm_outbox WHERE member_id = "
                + member + " AND system = 'hubspot'");
    }

    private static List<String> tierEvents(long member) {
        return Db.rows(databaseUrl, "SELECT event_type, data->>'previous_tier', data->>'tier' FROM member_events"
                + " WHERE member_id = " + member + " AND event_type IN ('tier_up', 'tier_down') ORDER BY id");
    }

    private static List<String> audit(long member) {
        List<String> entries = new ArrayList<>();
        http.get("/api/audit?memberId=" + member).json().path("entries").forEach(e ->
                entries.add(e.get("actor").asText() + " " + e.get("action").asText()));
        return entries;
    }

    private static Map<String, Long> membersByTier() {
        Map<String, Long> tiers = new java.util.HashMap<>();
        http.get("/api/kpis").json().get("membersByTier").forEach(t ->
                tiers.put(t.get("tier").asText(), t.get("members").asLong()));
        return tiers;
    }

    @Test
    void the_members_by_tier_figure_counts_a_granted_member_in_the_granted_tier_until_the_grant_is_revoked() {
        long member = crmMember("counted@example.com");
        Map<String, Long> before = membersByTier();

        Http.Response granted = put(alice, member, "{\"tier\":\"gold\",\"until\":\"" + today().plusDays(5)
                + "\",\"reason\":\"Trial of gold\"}");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        Map<String, Long> during = membersByTier();
        assertThat(during.get("gold")).isEqualTo(before.get("gold") + 1);
        assertThat(during.get("bronze")).isEqualTo(before.get("bronze") - 1);

        Http.Response revoked = delete(alice, member, "?reason=trial%20over");
        assertThat(revoked.status()).as(revoked.text()).isIn(200, 204);
        assertThat(membersByTier()).isEqualTo(before);
    }

    @Test
    void a_tier_grant_sets_the_tier_in_force_until_its_last_day_and_is_audited_explained_and_pushed() {
        long member = crmMember("granted@example.com");
        String until = today().plusDays(30).toString();

        Http.Response granted = put(alice, member, "{\"tier\":\"gold\",\"until\":\"" + until
                + "\",\"reason\":\"Key account, agreed with sales\"}");

        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        assertThat(granted.json().get("tier").asText()).isEqualTo("gold");
        assertThat(granted.json().get("previousTier").asText()).isEqualTo("bronze");
        assertThat(granted.json().at("/grant/mode").asText()).isEqualTo("floor");
        assertThat(granted.json().at("/grant/until").asText()).isEqualTo(until);
        assertThat(granted.json().at("/grant/grantedBy").asText()).isEqualTo("alice");

        JsonNode tier = http.get("/api/members/" + member).json().get("tier");
        assertThat(tier.get("name").asText()).isEqualTo("gold");
        assertThat(tier.at("/grant/tier").asText()).isEqualTo("gold");
        assertThat(tier.get("expiresOn").asText()).isEqualTo(today().plusDays(31).toString());

        JsonNode explain = http.get("/api/members/" + member + "/explain").json();
        assertThat(explain.get("tier").asText()).isEqualTo("gold");
        assertThat(explain.at("/tierGrant/until").asText()).isEqualTo(until);
        assertThat(explain.get("explanation").toString()).contains("keeps the member at least at gold until "
                + until).contains("granted by alice").contains("Key account, agreed with sales");
        assertThat(explain.get("tierGrants")).hasSize(1);

        // Gold earns 1.5 times: the grant decides what the next order earns.
        Http.Response next = http.post("/api/orders", order("granted@example.com", "after-grant", "100"));
        long earned = 0;
        for (JsonNode entry : next.json().get("entries")) {
            earned += "points".equals(entry.get("account").asText()) ? entry.get("points").asLong() : 0;
        }
        assertThat(earned).as(next.text()).isEqualTo(150);

        assertThat(audit(member)).contains("alice tier.granted");
        assertThat(outboxVersion(member)).isPositive();
        assertThat(tierEvents(member)).containsExactly("tier_up | bronze | gold");
    }

    @Test
    void a_grant_of_a_tier_the_program_lacks_or_an_until_in_the_past_or_impossible_is_refused_naming_the_field() {
        long member = crmMember("refused@example.com");
        long before = Db.count(databaseUrl, "tier_grants");

        Http.Response platinum = put(http, member, "{\"tier\":\"platinum\",\"reason\":\"why not\"}");
        Http.Response past = put(http, member, "{\"tier\":\"gold\",\"until\":\"" + today().minusDays(1)
                + "\",\"reason\":\"late\"}");
        Http.Response impossible = put(http, member, "{\"tier\":\"gold\",\"until\":\"2027-02-30\",\"reason\":\"x\"}");
        Http.Response noReason = put(http, member, "{\"tier\":\"gold\"}");
        Http.Response nobody = put(http, 987654, "{\"tier\":\"gold\",\"reason\":\"ghost\"}");

        assertThat(platinum.status()).isEqualTo(400);
        assertThat(platinum.contentType()).startsWith("application/problem+json");
        assertThat(platinum.errorFields()).containsExactly("tier");
        assertThat(platinum.text()).contains("bronze, silver, gold, vip");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.errorFields()).containsExactly("until");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.errorFields()).containsExactly("until");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(Db.count(databaseUrl, "tier_grants")).isEqualTo(before);
        assertThat(audit(member)).isEmpty();
        assertThat(outboxVersion(member)).isZero();
        assertThat(http.get("/api/members/" + member).json().at("/tier/name").asText()).isEqualTo("bronze");
    }

    @Test
    void revoking_a_grant_returns_the_member_to_the_tier_they_earned_and_keeps_the_grant_as_history() {
        long member = crmMember("revoked@example.com");
        assertThat(put(http, member, "{\"reason\":\"VIP by default tier\"}").json().get("tier").asText())
                .isEqualTo("vip");
        long queued = outboxVersion(member);

        Http.Response revoked = delete(alice, member, "?reason=contract%20ended");
        Http.Response again = delete(alice, member, "");

        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().get("tier").asText()).isEqualTo("bronze");
        assertThat(again.status()).isEqualTo(404);
        assertThat(http.get("/api/members/" + member).json().at("/tier/name").asText()).isEqualTo("bronze");
        JsonNode history = http.get("/api/members/" + member + "/explain").json().get("tierGrants");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("tier").asText()).isEqualTo("vip");
        assertThat(history.get(0).get("endedBy").asText()).isEqualTo("alice");
        assertThat(history.get(0).get("endReason").asText()).isEqualTo("revoked: contract ended");
        assertThat(audit(member)).containsExactly("alice tier.grant.revoked", "api-token tier.granted");
        assertThat(outboxVersion(member)).isGreaterThan(queued);
        assertThat(tierEvents(member)).containsExactly("tier_up | bronze | vip", "tier_down | vip | bronze");
    }

    @Test
    void a_grant_lapses_the_day_after_its_last_day_and_the_tier_assessment_ends_it_and_queues_the_push() {
        long member = crmMember("lapsing@example.com");
        assertThat(put(http, member, "{\"tier\":\"silver\",\"until\":\"" + today() + "\",\"reason\":\"trial\"}")
                .status()).isEqualTo(200);
        assertThat(http.get("/api/members/" + member).json().at("/tier/name").asText()).isEqualTo("silver");

        CLOCK.advance(Duration.ofDays(1));
        try {
            // Read at once: the grant no longer holds, before any job ran.
            assertThat(http.get("/api/members/" + member).json().at("/tier/name").asText()).isEqualTo("bronze");
            long queued = outboxVersion(member);
            JobsApiTest.runToTheEnd(http, "tier-assessment");

            JsonNode history = http.get("/api/members/" + member + "/explain").json().get("tierGrants");
            assertThat(history.get(0).get("endReason").asText()).isEqualTo("lapsed");
            assertThat(history.get(0).get("endedBy").asText()).isEqualTo("job:tier-assessment");
            assertThat(outboxVersion(member)).isGreaterThan(queued);
            assertThat(tierEvents(member)).containsExactly("tier_up | bronze | silver", "tier_down | silver | bronze");
        } finally {
            CLOCK.advance(Duration.ofDays(-1));
        }
    }

    @Test
    void two_grants_for_one_member_at_once_take_turns_and_leave_one_in_force() throws Exception {
        long member = crmMember("twice@example.com");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var silver = pool.submit(() -> put(http, member, "{\"tier\":\"silver\",\"reason\":\"one\"}"));
            var gold = pool.submit(() -> put(http, member, "{\"tier\":\"gold\",\"reason\":\"two\"}"));
            assertThat(silver.get().status()).as(silver.get().text()).isEqualTo(200);
            assertThat(gold.get().status()).as(gold.get().text()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.longValue(databaseUrl, "SELECT count(*) FROM tier_grants WHERE member_id = " + member
                + " AND ended_at IS NULL")).isEqualTo(1);
        assertThat(Db.longValue(databaseUrl, "SELECT count(*) FROM tier_grants WHERE member_id = " + member
                + " AND end_reason = 'replaced by a newer grant'")).isEqualTo(1);
    }
}
