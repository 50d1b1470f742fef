package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.store.PgExport;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Export, erasure and the audit log over real HTTP, with two named API tokens. */
class PrivacyApiTest {
    private static final String ALICE_TOKEN = "alice-token-0123456789";
    private static String url;
    private static Application app;
    private static Http http;
    private static Http alice;

    @BeforeAll
    static void start() {
        url = TestPostgres.freshDatabase();
        app = TestApp.start(Map.of("loyalty.db.url", url,
                        "loyalty.program.file", RichFixture.RICH_PROGRAM.toAbsolutePath().toString()),
                Map.of("LOYALTY_API_TOKENS", "alice:admin:" + ALICE_TOKEN + ", ops-bot:read:ops-bot-token-0123456789"));
        http = new Http(app.baseUrl(), TestApp.TOKEN);
        alice = new Http(app.baseUrl(), ALICE_TOKEN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Http.Response order(String email, String name, String id, String total, String status) {
        return http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s","firstName":"%s","lastName":"Doe",
                 "birthDate":"1990-04-02"},"total":"%s","currency":"EUR","placedAt":"%s","status":"%s",%s
                 "lines":[{"sku":"BOOK-1","category":"books","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(id, email, name, total, RichFixture.anHourAgo(), status,
                        status.equals("partially_refunded") ? "\"refundedAmount\":\"10\"," : "", total));
    }

    private static Http.Response adjust(Http as, long member, long points, String key) {
        return as.post("/api/members/" + member + "/adjustments",
                "{\"points\":" + points + ",\"reason\":\"goodwill\",\"idempotencyKey\":\"" + key + "\"}");
    }

    private static Http.Response delete(long member) {
        return http.send(http.builder("/api/members/" + member).DELETE().build());
    }

    private static List<Long> ids(JsonNode array, String field) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asLong()));
        return ids;
    }

    @Test
    void an_export_holds_everything_created_for_the_member_and_nothing_of_anyone_else() {
        Http.Response first = order("export@example.com", "Exa", "EXP-1", "120", "completed");
        long member = first.json().at("/order/memberId").asLong();
        Http.Response second = order("export@example.com", "Exa", "EXP-2", "50", "completed");
        Http.Response refund = order("export@example.com", "Exa", "EXP-2", "50", "partially_refunded");
        Http.Response adjusted = adjust(alice, member, 7, "exp-goodwill");
        order("someone.else@example.com", "Other", "EXP-3", "80", "completed");
        List<Long> created = new ArrayList<>();
        for (Http.Response r : List.of(first, second, refund)) {
            created.addAll(ids(r.json().get("entries"), "id"));
        }
        created.add(adjusted.json().at("/entry/id").asLong());

        Http.Response export = http.get("/api/members/" + member + "/export");

        assertThat(export.status()).isEqualTo(200);
        JsonNode e = export.json();
        assertThat(e.at("/profile/email").asText()).isEqualTo("export@example.com");
        assertThat(e.at("/profile/first_name").asText()).isEqualTo("Exa");
        assertThat(e.at("/profile/birth_date").asText()).isEqualTo("1990-04-02");
        assertThat(e.at("/profile/erased_at").isNull()).isTrue();
        assertThat(e.get("orders")).hasSize(2);
        assertThat(e.get("orders").findValuesAsText("external_id")).containsExactly("EXP-1", "EXP-2");
        assertThat(e.at("/orders/1/revision").asInt()).isEqualTo(2);
        assertThat(e.at("/orders/1/status").asText()).isEqualTo("partially_refunded");
        assertThat(e.at("/orders/0/lines/0/sku").asText()).isEqualTo("BOOK-1");
        // Every entry the calls above wrote (and the order effects behind them), and the balance they sum to.
        List<Long> exported = ids(e.get("ledgerEntries"), "id");
        assertThat(exported).containsAll(created).hasSize((int) Db.longValue(url,
                "SELECT count(*) FROM ledger_entries WHERE member_id = " + member));
        long points = 0;
        for (JsonNode entry : e.get("ledgerEntries")) {
            points += entry.get("account").asText().equals("points") ? entry.get("points").asLong() : 0;
        }
        assertThat(e.at("/balances").findValues("account").toString()).contains("points");
        assertThat(points).isEqualTo(adjusted.json().get("balance").asLong());
        assertThat(e.at("/auditLog/0/actor").asText()).isEqualTo("alice");
        assertThat(e.at("/auditLog/0/action").asText()).isEqualTo("points.adjusted");
        assertThat(e.at("/tier/0/tier").isTextual()).isTrue();
        assertThat(e.at("/standing/tier/name").asText()).isEqualTo(e.at("/tier/0/tier").asText());
        assertThat(e.at("/standing/expiringPoints").isMissingNode()).isFalse();
        assertThat(export.text()).doesNotContain("someone.else@example.com").doesNotContain("EXP-3");
        assertThat(http.get("/api/members/999999/export").status()).isEqualTo(404);
    }

    @Test
    void every_table_holding_member_rows_has_an_export_section() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT table_name FROM information_schema.columns"
                     + " WHERE table_schema = 'public' AND column_name IN ('member_id', 'referee_id')")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        assertThat(tables).contains("ledger_entries", "orders", "audit_log");
        for (String table : tables) {
            assertThat(PgExport.SECTIONS).as("an export section reading " + table)
                    .anyMatch(section -> section.query().contains("FROM " + table + " "));
        }
    }

    @Test
    void an_erased_member_cannot_be_found_while_the_ledger_and_kpis_stay_as_they_were() {
        Http.Response bought = order("forget.me@example.com", "Forgetta", "ERA-1", "200", "completed");
        long member = bought.json().at("/order/memberId").asLong();
        adjust(http, member, 5, "era-goodwill");
        seedCrmCopies(member);
        execute("INSERT INTO tier_grants (member_id, tier, mode, reason, granted_by, granted_at, ended_at, ended_by,"
                + " end_reason) VALUES (" + member + ", 'gold', 'floor', 'Forgetta is the CEO''s sister', 'api-token',"
                + " now() - interval '2 days', now() - interval '1 day', 'api-token', 'Forgetta left the board')");
        JsonNode kpisBefore = kpis();
        long balanceBefore = http.get("/api/members/" + member).json().at("/points/available").asLong();

        Http.Response erased = delete(member);
        Http.Response again = delete(member);

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().get("alreadyErased").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("alreadyErased").asBoolean()).isTrue();
        assertThat(again.json().get("erasedAt")).isEqualTo(erased.json().get("erasedAt"));
        assertThat(http.get("/api/members?email=forget.me@example.com").status()).isEqualTo(404);
        Http.Response profile = http.get("/api/members/" + member);
        assertThat(profile.text()).doesNotContain("forget.me").doesNotContain("Forgetta");
        assertThat(profile.json().at("/points/available").asLong()).isEqualTo(balanceBefore);
        assertThat(app.ledgerCheck().mismatches()).isEmpty();
        assertThat(kpis()).isEqualTo(kpisBefore);
        // Nothing personal left anywhere: identities hashed, CRM copies and letters gone.
        assertThat(Db.longValue(url, "SELECT count(*) FROM member_identities WHERE member_id = " + member
                + " AND (external_id NOT LIKE 'erased:%' OR NOT deleted)")).isZero();
        assertThat(Db.longValue(url, "SELECT count(*) FROM dead_letters WHERE payload::text LIKE '%forget.me%'"
                + " OR record_id IN ('003ERA', '777')")).isZero();
        assertThat(Db.longValue(url, "SELECT count(*) FROM crm_field_state WHERE external_id = '003ERA'")).isZero();
        assertThat(Db.rows(url, "SELECT tier, reason, end_reason FROM tier_grants WHERE member_id = " + member))
                .as("the grant stays, its free-text reasons go").containsExactly("gold | erased | erased");
        assertThat(Db.longValue(url, "SELECT count(*) FROM dead_letters WHERE record_id = 'OTHER'")).isEqualTo(1);
        Http.Response export = http.get("/api/members/" + member + "/export");
        assertThat(export.text()).doesNotContain("forget.me").doesNotContain("Forgetta").doesNotContain("003ERA");
        assertThat(export.json().at("/profile/erased_at").isTextual()).isTrue();
        assertThat(export.json().get("ledgerEntries")).isNotEmpty();
        // The audit log has the one erasure, by the token that asked; the repeat added nothing.
        JsonNode audit = http.get("/api/audit?memberId=" + member).json().get("entries");
        assertThat(audit.findValuesAsText("action")).containsExactly("member.erased", "points.adjusted");
        assertThat(audit.at("/0/actor").asText()).isEqualTo("api-token");
        // The same address buying again is a new member, not the erased one back.
        long next = order("forget.me@example.com", "Forgetta", "ERA-2", "10", "completed").json()
                .at("/order/memberId").asLong();
        assertThat(next).isNotEqualTo(member);
        assertThat(delete(987654).status()).isEqualTo(404);
    }

    /** The KPIs without the moment they were computed at. */
    private static JsonNode kpis() {
        com.fasterxml.jackson.databind.node.ObjectNode kpis = (com.fasterxml.jackson.databind.node.ObjectNode)
                http.get("/api/kpis").json();
        kpis.remove("asOf");
        return kpis;
    }

    /** What the sync would have kept about the member's CRM records, and one letter about someone else. */
    private static void seedCrmCopies(long member) {
        execute("INSERT INTO member_identities (system, external_id, member_id) VALUES ('salesforce', '003ERA', "
                + member + "), ('hubspot', '777', " + member + ")");
        execute("INSERT INTO crm_field_state (system, external_id, fields) VALUES ('salesforce', '003ERA', '{}')");
        execute("INSERT INTO dead_letters (system, direction, record_type, record_id, payload, error_code, error)"
                + " VALUES ('salesforce', 'inbound', 'contact', '003ERA', '{\"email\":\"x\"}', 'invalid', 'bad'),"
                + " ('hubspot', 'inbound', 'order', 'H-9', '{\"contactExternalId\":\"777\"}', 'invalid', 'bad'),"
                + " ('shop', 'inbound', 'contact', 'S-1', '{\"email\":\"Forget.Me@example.com\"}', 'invalid', 'bad'),"
                + " ('hubspot', 'inbound', 'contact', 'OTHER', '{\"email\":\"other@example.com\"}', 'invalid', 'x')");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_admin_action_is_audited_once_under_the_name_of_the_token_that_did_it() {
        long member = order("audited@example.com", "Aud", "AUD-1", "30", "completed").json()
                .at("/order/memberId").asLong();
        assertThat(adjust(alice, member, 4, "aud-1").status()).isEqualTo(201);
        assertThat(adjust(alice, member, 4, "aud-1").status()).isEqualTo(200);
        assertThat(adjust(http, member, -2, "aud-2").status()).isEqualTo(201);
        assertThat(adjust(http, member, -100_000, "aud-3").status()).isEqualTo(409);
        Http.Response event = alice.post("/api/events", "{\"member\":{\"id\":" + member
                + "},\"event\":\"review\",\"eventId\":\"aud-review\"}");
        assertThat(event.status()).isEqualTo(201);
        assertThat(new Http(app.baseUrl(), "not-a-token-0123456789").get("/api/audit").status()).isEqualTo(401);

        JsonNode entries = http.get("/api/audit?memberId=" + member).json().get("entries");
        assertThat(entries.findValuesAsText("action"))
                .containsExactly("points.granted.event", "points.adjusted", "points.adjusted");
        assertThat(entries.findValuesAsText("actor")).containsExactly("alice", "api-token", "alice");
        assertThat(entries.at("/1/details/points").asLong()).isEqualTo(-2);
        assertThat(entries.at("/2/target").asText()).isEqualTo("member:" + member);
        assertThat(entries.at("/2/at").asText()).isNotBlank();
        // Paging: one at a time, newest first, following "next".
        JsonNode page = http.get("/api/audit?limit=1&memberId=" + member).json();
        assertThat(page.at("/entries/0/action").asText()).isEqualTo("points.granted.event");
        JsonNode nextPage = http.get(page.get("next").asText()).json();
        assertThat(nextPage.at("/entries/0/id").asLong()).isEqualTo(entries.at("/1/id").asLong());
        assertThat(http.get("/api/audit?limit=0").status()).isEqualTo(400);
    }
}
