package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/members?q=}: by id, CRM record id, email or part of a name, case and accents ignored. */
class MemberSearchApiTest {
    private static final String READ_TOKEN = "search-read-token-0123456789";
    private static Application app;
    private static Http admin;
    private static Http reader;
    private static long helene;
    private static long helena;
    private static long bob;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase()),
                Map.of("LOYALTY_API_TOKENS", "dash:read:" + READ_TOKEN));
        admin = new Http(app.baseUrl(), TestApp.TOKEN);
        reader = new Http(app.baseUrl(), READ_TOKEN);
        helene = member("helene.dupre@example.com", "Hélène", "Dupré");
        helena = member("h.dupree@example.com", "HELENA", "DUPREE");
        bob = member("bob_50%@example.com", "Bob", "Builder");
        Core core = app.core();
        OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders).apply(List.of(new InboundContact(
                "hubspot", "HS-4711", "bob_50%@example.com", "Bob", "Builder", null, null, false, Instant.now(),
                Map.of())), new SourceCursor("hubspot", "contact", Instant.now()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long member(String email, String first, String last) {
        Http.Response r = admin.post("/api/members", """
                {"email":"%s","firstName":"%s","lastName":"%s"}""".formatted(email, first, last));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static List<Long> found(String q) {
        Http.Response r = admin.get("/api/members?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("members").forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    @Test
    void a_partial_name_matches_whatever_its_case_and_accents() {
        assertThat(found("helen")).containsExactlyInAnyOrder(helene, helena);
        assertThat(found("DUPRÉ")).containsExactlyInAnyOrder(helene, helena);
        assertThat(found("hélène dupre")).containsExactly(helene);
        assertThat(found("dupree")).containsExactly(helena);
    }

    @Test
    void a_member_id_a_crm_record_id_and_an_email_each_find_their_member_first() {
        assertThat(found(Long.toString(bob))).first().isEqualTo(bob);
        assertThat(found("HS-4711")).containsExactly(bob);
        Http.Response byEmail = admin.get("/api/members?q=HELENE.DUPRE@example.com");
        JsonNode first = byEmail.json().get("members").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(helene);
        assertThat(first.get("matchedBy").asText()).isEqualTo("email");
    }

    @Test
    void each_match_carries_the_tier_and_points_its_profile_shows() {
        JsonNode hit = admin.get("/api/members?q=hélène").json().get("members").get(0);
        JsonNode profile = admin.get("/api/members/" + helene).json();
        assertThat(hit.get("tier").asText()).isEqualTo(profile.at("/tier/name").asText());
        assertThat(hit.get("points").asLong()).isEqualTo(profile.get("balance").asLong());
        assertThat(hit.get("firstName").asText()).isEqualTo("Hélène");
    }

    @Test
    void wildcards_typed_are_taken_literally() {
        assertThat(found("_50%")).containsExactly(bob);
        assertThat(found("%")).isEmpty();
    }

    @Test
    void the_list_is_capped_at_the_limit_and_says_that_more_match() {
        Http.Response r = admin.get("/api/members?q=dupr&limit=1");
        assertThat(r.json().get("members")).hasSize(1);
        assertThat(r.json().get("more").asBoolean()).isTrue();
        assertThat(admin.get("/api/members?q=dupr&limit=5").json().get("more").asBoolean()).isFalse();
    }

    @Test
    void the_email_lookup_answers_the_one_profile_as_before() {
        Http.Response r = admin.get("/api/members?email=helene.dupre@example.com");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("id").asLong()).isEqualTo(helene);
        assertThat(r.json().has("balance")).isTrue();
    }

    @Test
    void bad_input_is_a_400_naming_the_parameter() {
        for (String query : List.of("q=", "q=%20%20", "q=" + "x".repeat(201), "q=ann&limit=0", "q=ann&limit=101",
                "q=ann&limit=ten", "q=ann&email=ann@example.com", "q=a%01b")) {
            Http.Response r = admin.get("/api/members?" + query);
            assertThat(r.status()).as(query + ": " + r.text()).isEqualTo(400);
            assertThat(r.errorFields()).as(query).containsAnyOf("q", "limit");
        }
    }

    @Test
    void a_token_without_the_support_role_is_refused() {
        assertThat(reader.get("/api/members?q=helen").status()).isEqualTo(403);
        assertThat(reader.get("/api/members/" + helene + "/history").status()).isEqualTo(403);
        assertThat(reader.get("/api/members/" + helene + "/orders").status()).isEqualTo(403);
    }
}
