package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.Tables;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege over real HTTP: each token has a role, each REST route the roles the matrix gives it,
 * a forbidden call is a 403 naming the role needed before anything is read or changed, and a support token adjusts
 * only so many points at once.
 */
class RolesApiTest {
    private static final List<String> ROLES = List.of("read", "ingest", "support", "manager", "admin");
    private static final Set<String> READ = Set.of("read", "support", "manager", "admin");
    private static final Set<String> INGEST = Set.of("ingest", "admin");
    private static final Set<String> SUPPORT = Set.of("support", "manager", "admin");
    private static final Set<String> MANAGER = Set.of("manager", "admin");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> ANY = Set.copyOf(ROLES);

    /** The matrix of issue 22, written out here (not read from the routes), route id to the roles allowed. */
    private static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("api-me", ANY), Map.entry("api-openapi", ANY),
            Map.entry("api-program", Set.of("read", "ingest", "support", "manager", "admin")),
            Map.entry("api-rewards-catalogue", READ), Map.entry("api-leaderboard", READ),
            Map.entry("api-kpis", READ), Map.entry("api-sync-status", READ),
            Map.entry("api-orders-submit", INGEST), Map.entry("api-events-report", INGEST),
            Map.entry("api-partners-transaction", INGEST), Map.entry("api-members-create", INGEST),
            Map.entry("api-members-find", SUPPORT), Map.entry("api-members-profile", SUPPORT),
            Map.entry("api-members-ledger", SUPPORT), Map.entry("api-members-orders", SUPPORT),
            Map.entry("api-members-history", SUPPORT), Map.entry("api-members-explain", SUPPORT),
            Map.entry("api-members-crm", SUPPORT), Map.entry("api-members-consent", SUPPORT),
            Map.entry("api-members-consent-set", SUPPORT), Map.entry("api-members-redeem", SUPPORT),
            Map.entry("api-rewards-redeem", SUPPORT), Map.entry("api-members-adjust", SUPPORT),
            Map.entry("api-members-tier-grant", MANAGER), Map.entry("api-members-tier-grant-revoke", MANAGER),
            Map.entry("api-jobs", MANAGER), Map.entry("api-jobs-run", MANAGER),
            Map.entry("api-jobs-run-outcome", MANAGER), Map.entry("api-program-what-if", MANAGER),
            Map.entry("api-program-what-if-run", MANAGER), Map.entry("api-program-what-if-members", MANAGER),
            Map.entry("api-members-export", ADMIN), Map.entry("api-members-erase", ADMIN),
            Map.entry("api-audit", ADMIN), Map.entry("api-sync-dead-letters", ADMIN),
            Map.entry("api-sync-replay", ADMIN), Map.entry("api-webhooks-subscribe", ADMIN),
            Map.entry("api-webhooks-subscriptions", ADMIN), Map.entry("api-webhooks-unsubscribe", ADMIN),
            Map.entry("api-notifications-deliveries", ADMIN),
            // Issue 17: the program figures and their CSV tables, read like the KPIs.
            Map.entry("api-kpis-program", READ), Map.entry("api-kpis-csv", READ),
            // Feedback (issue 19).
            Map.entry("api-members-feedback", INGEST), Map.entry("api-feedback-summary", READ),
            Map.entry("api-contests", READ), Map.entry("api-contests-standings", READ),
            Map.entry("api-members-contests", READ));
    private static final long NO_SUCH_MEMBER = 987_654_321L;

    private static String databaseUrl;
    private static Application app;
    private static long member;
    private static final Map<String, Http> AS = new LinkedHashMap<>();

    private static String token(String role) {
        return role + "-token-0123456789abcdef";
    }

    @BeforeAll
    static void start() {
        databaseUrl = TestPostgres.freshDatabase();
        StringBuilder tokens = new StringBuilder();
        for (String role : ROLES) {
            tokens.append(tokens.isEmpty() ? "" : ",").append("the-").append(role).append(':').append(role)
                    .append(':').append(token(role));
        }
        // The walk below makes a few hundred calls; the rate limit has its own test.
        app = TestApp.start(Map.of("loyalty.db.url", databaseUrl, "loyalty.api.rate-limit.per-second", "10000",
                "loyalty.api.rate-limit.burst", "10000"), Map.of("LOYALTY_API_TOKENS", tokens.toString()));
        for (String role : ROLES) {
            AS.put(role, new Http(app.baseUrl(), token(role)));
        }
        Http shop = AS.get("ingest");
        Http.Response order = shop.post("/api/orders", ApiFixture.order("roles@example.com", "R-1", "900.00",
                "completed", ""));
        assertThat(order.status()).isEqualTo(201);
        member = order.json().at("/order/memberId").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Http.Response call(Http as, RestRoutes route, long memberId) {
        String body = route.writes() ? "{}" : null;
        HttpRequest.Builder b = as.builder(route.concrete(memberId, "x"));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return as.send(b.method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, Long> counts() {
        // Refusals are audited (asynchronously): everything else must stay as it was.
        Map<String, Long> counts = new TreeMap<>(Tables.counts(databaseUrl));
        counts.remove("audit_log");
        return counts;
    }

    @Test
    void every_rest_route_answers_every_role_as_the_matrix_says_allowed_or_403_changing_nothing() {
        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        for (RestRoutes route : RestRoutes.all()) {
            Set<String> allowed = MATRIX.get(route.routeId());
            if (allowed == null) {
                failures.add(route.routeId() + " (" + route + ") is not in the matrix of this test");
                continue;
            }
            for (String role : ROLES) {
                if (allowed.contains(role)) {
                    // Against a member that does not exist, with an empty body: past the guard, nothing changes.
                    Http.Response r = call(AS.get(role), route, NO_SUCH_MEMBER);
                    if (r.status() == 401 || r.status() == 403 || r.status() == 429 || r.status() >= 500) {
                        failures.add(role + " may call " + route + " but got " + r.status() + " " + r.text());
                    }
                    continue;
                }
                // Refused whether or not the record exists, before the body is read.
                for (long id : new long[] {member, NO_SUCH_MEMBER}) {
                    Http.Response r = call(AS.get(role), route, id);
                    if (r.status() != 403 || !r.contentType().startsWith("application/problem+json")
                            || !r.json().path("detail").asText().contains("needs the role")
                            || !r.json().path("detail").asText().contains(allowed.contains("read") ? "read"
                            : allowed.contains("ingest") ? "ingest" : allowed.contains("support") ? "support"
                            : allowed.contains("manager") ? "manager" : "admin")) {
                        failures.add(role + " must be refused " + route + " but got " + r.status() + " "
                                + r.text());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_forbidden_call_is_refused_before_its_body_is_sent() throws Exception {
        // Announce 4 MB and send none of it: only a server that answers before reading the body can answer.
        String head = "POST /api/members/" + member + "/adjustments HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token("ingest") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4000000\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("localhost",
                java.net.URI.create(app.baseUrl()).getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while (!answer.toString().contains("}") && (n = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 403").contains("\"code\":\"forbidden\"")
                    .contains("needs the role support, manager or admin");
        }
    }

    @Test
    void me_answers_the_token_name_role_and_the_operations_it_may_call() {
        JsonNode support = AS.get("support").get("/api/me").json();
        assertThat(support.get("name").asText()).isEqualTo("the-support");
        assertThat(support.get("role").asText()).isEqualTo("support");
        assertThat(support.get("adjustmentLimit").asLong()).isEqualTo(500);
        assertThat(support.get("operations").has("api-members-adjust")).isTrue();
        assertThat(support.get("operations").get("api-members-profile").asText())
                .isEqualTo("GET /api/members/{id}");
        assertThat(support.get("operations").has("api-members-erase")).isFalse();
        assertThat(support.get("operations").has("api-orders-submit")).isFalse();

        JsonNode main = new Http(app.baseUrl(), TestApp.TOKEN).get("/api/me").json();
        assertThat(main.get("name").asText()).isEqualTo("api-token");
        assertThat(main.get("role").asText()).isEqualTo("admin");
        assertThat(main.get("adjustmentLimit").isNull()).isTrue();
        List<String> all = RestRoutes.all().stream().map(RestRoutes::routeId).toList();
        List<String> adminMay = new ArrayList<>();
        main.get("operations").fieldNames().forEachRemaining(adminMay::add);
        assertThat(adminMay).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void the_openapi_document_shows_the_roles_each_operation_declares() {
        JsonNode doc = new Http(app.baseUrl(), null).get("/api/openapi.json").json();
        assertThat(doc.at("/paths/~1api~1kpis/get/security/0/bearer").toString()).isEqualTo("[\"read\"]");
        assertThat(doc.at("/paths/~1api~1members~1{id}/delete/security/0/bearer").toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void a_support_token_adjusts_up_to_the_limit_and_beyond_it_is_refused_naming_the_limit() {
        long balance = AS.get("support").get("/api/members/" + member).json().get("balance").asLong();
        assertThat(adjust("support", 500, "lim-1").status()).isEqualTo(201);
        Http.Response over = adjust("support", 501, "lim-2");
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.json().get("code").asText()).isEqualTo("adjustment_limit");
        assertThat(over.json().get("detail").asText()).contains("500 points");
        assertThat(adjust("support", -501, "lim-3").status()).isEqualTo(403);
        assertThat(AS.get("support").get("/api/members/" + member).json().get("balance").asLong())
                .isEqualTo(balance + 500);
        assertThat(adjust("manager", 501, "lim-4").status()).isEqualTo(201);
        assertThat(adjust("admin", -1001, "lim-5").status()).isEqualTo(201);
    }

    private static Http.Response adjust(String role, long points, String key) {
        return AS.get(role).post("/api/members/" + member + "/adjustments",
                "{\"points\":" + points + ",\"reason\":\"goodwill\",\"idempotencyKey\":\"" + key + "\"}");
    }

    @Test
    void a_refused_call_is_in_the_audit_log_with_token_name_and_route_but_no_body() throws Exception {
        Http.Response r = AS.get("ingest").post("/api/members/" + member + "/adjustments",
                "{\"points\":5,\"reason\":\"secret-reason-text\",\"idempotencyKey\":\"aud-ref-1\"}");
        assertThat(r.status()).isEqualTo(403);
        String sql = "SELECT actor || ' ' || action || ' ' || target || ' ' || details::text FROM audit_log"
                + " WHERE action = 'api.refused' AND actor = 'the-ingest' AND target = 'route:api-members-adjust'";
        List<String> rows = List.of();
        for (int i = 0; i < 300 && rows.isEmpty(); i++) {
            rows = Db.rows(databaseUrl, sql);
            if (rows.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).contains("POST /api/members/{id}/adjustments").doesNotContain("secret-reason-text");
    }

    @Test
    void a_route_under_api_that_declares_no_role_stops_the_start_naming_every_one() throws Exception {
        Path work = Files.createTempDirectory("roles-work");
        copy(Path.of("config"), work.resolve("config"));
        copy(Path.of("routes"), work.resolve("routes"));
        Files.writeString(work.resolve("routes/undeclared.camel.yaml"), """
                - rest:
                    path: /api
                    get:
                      - path: /open-to-all
                        routeId: api-undeclared
                        to: bean:programApi?method=program
                - route:
                    id: api-side-door
                    from:
                      uri: "platform-http:/api/side-door"
                      steps:
                        - setBody: {constant: "open"}
                """);
        Map<String, String> overrides = Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "camel.server.port", Integer.toString(TestApp.freePort()),
                "loyalty.program.file", io.loyaltybridge.support.StoreFixture.FLAT_PROGRAM.toAbsolutePath().toString());
        assertThatThrownBy(() -> Application.start(work, overrides, Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN))
                .close()).isInstanceOf(StartupException.class).hasMessageContaining("api-undeclared")
                .hasMessageContaining("declares no role").hasMessageContaining("api-side-door");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
