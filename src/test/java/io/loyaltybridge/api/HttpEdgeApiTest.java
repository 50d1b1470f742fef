package io.loyaltybridge.api;

import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge: credentials only from the Authorization header and checked before any body is read, JSON only
 * when sent as JSON, and a problem body for every error the server answers, whoever answers it.
 */
class HttpEdgeApiTest {
    private static ApiFixture fx;
    private static long member;
    private static Http anonymous;

    @BeforeAll
    static void start() {
        fx = new ApiFixture();
        member = fx.memberWith("edge@example.com", 100);
        anonymous = new Http(fx.app.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void a_token_in_the_query_string_is_refused_on_every_api_route() {
        Map<String, Long> before = Tables.counts(fx.databaseUrl);
        List<String> failures = new ArrayList<>();
        for (RestRoutes route : RestRoutes.all()) {
            if (HttpFront.PUBLIC_PATHS.contains(route.path())) {
                continue;
            }
            for (String name : List.of("Authorization", "authorization", "AUTHORIZATION")) {
                String path = route.concrete(member, "x") + "?" + name + "=Bearer%20" + fx.app.apiToken()
                        + "&Content-Type=application/json";
                Http.Response r = anonymous.send(anonymous.builder(path)
                        .method(route.method(), route.writes() ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody()).build());
                if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")) {
                    failures.add(route + " with ?" + name + " answered " + r.status() + " " + r.text());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(Tables.counts(fx.databaseUrl)).isEqualTo(before);
    }

    @Test
    void an_unauthenticated_request_is_refused_before_its_body_is_sent() throws Exception {
        // Announce 4 MB and send none of it: only a server that answers before reading the body can answer.
        for (String path : List.of("/api/orders", "/api/members/" + member + "/adjustments", "/api/nowhere",
                "//api/orders", "/api/./orders", "/x/../api/orders", "/api/%6Frders")) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 4000000\r\n\r\n";
            try (Socket socket = new Socket("localhost", URI.create(fx.app.baseUrl()).getPort())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readAnswer(socket.getInputStream());
                assertThat(answer).as(path).startsWith("HTTP/1.1 401");
                assertThat(answer.toLowerCase()).contains("content-type: application/problem+json")
                        .contains("www-authenticate: bearer").contains("\"code\":\"unauthorized\"");
            }
        }
    }

    @Test
    void many_large_unauthenticated_bodies_are_all_refused_and_the_api_still_answers() throws Exception {
        byte[] big = new byte[4_000_000];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        List<java.util.concurrent.CompletableFuture<Integer>> answers = new ArrayList<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 24; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(fx.app.baseUrl() + "/api/orders"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer wrong")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                    .thenApply(java.net.http.HttpResponse::statusCode)
                    // The server may close the connection before the client has sent everything: also a refusal.
                    .exceptionally(closed -> 401));
        }
        for (var answer : answers) {
            assertThat(answer.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(401);
        }
        assertThat(fx.http.get("/api/members/" + member).status()).isEqualTo(200);
    }

    @Test
    void control_characters_and_huge_values_in_query_parameters_are_never_a_500() {
        Map<String, Long> before = Tables.counts(fx.databaseUrl);
        List<String> failures = new ArrayList<>();
        for (RestRoutes route : RestRoutes.all()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            for (String value : List.of("a%00b", "%1B%5B31m", "99999999999999999999999", "-1", "%E0%80%80",
                    "2026-02-30", "+300000-01-01")) {
                String query = "?email=" + value + "&status=" + value + "&period=" + value + "&channel=" + value
                        + "&memberId=" + value + "&limit=" + value + "&before=" + value + "&subscriptionId=" + value;
                Http.Response r = fx.http.get(route.concrete(member, "x") + query);
                if (r.status() >= 500 || (r.status() >= 400 && !r.contentType().startsWith("application/problem"))) {
                    failures.add(route + query + " answered " + r.status() + " " + r.text());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(Tables.counts(fx.databaseUrl)).isEqualTo(before);
        Http.Response nul = fx.http.get("/api/members?email=a%00b@example.com");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.errorFields()).containsExactly("email");
    }

    @Test
    void a_body_not_sent_as_json_is_415_whatever_the_query_string_says() {
        Map<String, Long> before = Tables.counts(fx.databaseUrl);
        String order = ApiFixture.order("ct@example.com", "CT-1", "10.00", "completed", "");
        for (String type : List.of("", "text/plain", "text/json", "application/jsonp", "application/x-json-stream",
                "multipart/form-data; boundary=json", "application/xml; note=json")) {
            HttpRequest.Builder b = fx.http.builder("/api/orders?Content-Type=application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order));
            if (!type.isEmpty()) {
                b.header("Content-Type", type);
            }
            Http.Response r = fx.http.send(b.build());
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(Tables.counts(fx.databaseUrl)).isEqualTo(before);
        for (String type : List.of("application/json", "application/json; charset=utf-8", "Application/JSON",
                "application/vnd.loyalty+json")) {
            Http.Response r = fx.http.send(fx.http.builder("/api/orders").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(order.replace("CT-1", "CT-" + type.hashCode())))
                    .build());
            assertThat(r.status()).as(type).isEqualTo(201);
        }
    }

    @Test
    void an_unknown_path_is_a_404_problem_not_an_html_page() {
        for (String path : List.of("/nowhere", "/api/nowhere", "/api/members/" + member + "/nowhere",
                "/assets/../../etc/passwd", "/%00")) {
            Http.Response r = fx.http.get(path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
            assertThat(r.json().get("title").asText()).isNotBlank();
        }
    }

    @Test
    void a_body_over_the_transport_limit_is_a_413_problem_and_the_status_page_links_the_api_description() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        Http.Response r = fx.http.send(fx.http.builder("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("body_too_large");
        assertThat(anonymous.get("/").text()).contains("href=\"api/openapi.json\"");
    }

    @Test
    void a_wrong_method_is_a_405_problem_saying_which_methods_are_served() {
        Http.Response r = fx.http.send(fx.http.builder("/api/orders").GET().build());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        Http.Response put = fx.http.send(fx.http.builder("/api/program")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.contentType()).startsWith("application/problem+json");
        Http.Response page = anonymous.send(anonymous.builder("/").POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.contentType()).startsWith("application/problem+json");
        assertThat(page.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void a_path_parameter_repeated_in_the_query_string_is_refused_not_resolved() {
        long other = fx.memberWith("other-edge@example.com", 5);
        Map<String, Long> before = Tables.counts(fx.databaseUrl);
        Http.Response r = fx.http.get("/api/members/" + member + "?id=" + other);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("id");
        Http.Response adjust = fx.http.post("/api/members/" + member + "/adjustments?id=" + other,
                "{\"points\":5,\"reason\":\"goodwill\",\"idempotencyKey\":\"dup-id-1\"}");
        assertThat(adjust.status()).isEqualTo(400);
        assertThat(Tables.counts(fx.databaseUrl)).isEqualTo(before);
    }

    private static String readAnswer(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.write(buffer, 0, n);
            if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
