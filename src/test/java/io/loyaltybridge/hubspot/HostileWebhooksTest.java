package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.hubspot.V3Signature;
import io.loyaltybridge.support.Tables;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of hostile deliveries to POST /webhooks/hubspot, correctly signed (and once unsigned), with
 * HubSpot enabled against the sandbox: trailing data, deep nesting, wrong top-level types, control characters and
 * invalid UTF-8 outside strings, impossible numbers. Each is a 4xx problem body and leaves every table as it was.
 * (A well-formed array whose single events are misshapen is a delivery: it is answered 200 and those events are
 * skipped, as BadWebhooksTest shows, since HubSpot would otherwise retry the good events beside them.)
 */
class HostileWebhooksTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void every_hostile_delivery_is_a_4xx_problem_and_changes_nothing() throws Exception {
        long[] contact = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(),
                hs -> contact[0] = hs.admin().createContact("hook@example.com", "Hook", "Target"))) {
            HubSpotWorld.eventually(Duration.ofSeconds(30), () -> w.inSync(contact[0]));
            Map<String, Long> before = Tables.counts(w.url);
            String good = "[{\"eventId\": 9001, \"subscriptionType\": \"contact.deletion\", \"objectId\": "
                    + contact[0] + ", \"occurredAt\": " + System.currentTimeMillis() + "}]";
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, byte[]> v : corpus(good).entrySet()) {
                HttpResponse<String> r = post(w, v.getValue(), true);
                String problem = verdict(r);
                if (problem != null) {
                    failures.add(v.getKey() + ": " + problem);
                }
            }
            HttpResponse<String> unsigned = post(w, good.getBytes(StandardCharsets.UTF_8), false);
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(verdict(unsigned)).isNull();
            HttpResponse<String> signedInQuery = signedInQuery(w, good);
            assertThat(signedInQuery.statusCode()).as("a signature in the query string").isEqualTo(401);
            assertThat(failures).as("of " + corpus(good).size() + " deliveries").isEmpty();
            HubSpotWorld.throughout(Duration.ofSeconds(2), () -> Tables.counts(w.url).equals(before));
            assertThat(Tables.counts(w.url)).isEqualTo(before);
            assertThat(w.inSync(contact[0])).isTrue();
        }
    }

    private static String verdict(HttpResponse<String> r) throws Exception {
        if (r.statusCode() < 400 || r.statusCode() >= 500) {
            return "answered " + r.statusCode() + " " + r.body();
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "answered " + r.statusCode() + " without a problem body";
        }
        JsonNode body = MAPPER.readTree(r.body());
        return body.path("status").asInt() == r.statusCode() && body.hasNonNull("title") ? null
                : "problem body without status and title: " + r.body();
    }

    /** Hostile variants of a good delivery, by name. */
    private static Map<String, byte[]> corpus(String good) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String tail : List.of("garbage", "{}", "]", "[]", "\u0000", "null", ",{\"eventId\":1}")) {
            out.put("trailing " + tail.replace("\u0000", "NUL"), utf8(good + tail));
        }
        out.put("5000 nested arrays", utf8("[" + "[".repeat(5000) + "]".repeat(5000) + "]"));
        out.put("5000 nested objects in an event", utf8("[{\"eventId\":1,\"x\":" + "{\"a\":".repeat(5000) + "1"
                + "}".repeat(5000) + "}]"));
        for (String whole : List.of("{}", "\"events\"", "42", "null", "true", "1e400", " ", "\u0000", "\u0007[]",
                "[\u0000]", "{\"eventId\": 1}")) {
            out.put("whole body " + whole.replace("\u0000", "NUL").replace("\u0007", "BEL"), utf8(whole));
        }
        out.put("a 2000-digit number", utf8("[{\"eventId\":1" + "0".repeat(2000) + "}]"));
        out.put("invalid UTF-8", concat(utf8("[{\"eventId\":1,\"propertyValue\":\""),
                new byte[]{(byte) 0xC3, (byte) 0x28, '"', '}', ']'}));
        out.put("unterminated", utf8(good.substring(0, good.length() - 2)));
        return out;
    }

    private static HttpResponse<String> post(HubSpotWorld w, byte[] body, boolean signed) throws Exception {
        long now = System.currentTimeMillis();
        String url = HubSpotWorld.webhookUrl(w.port);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signed) {
            b.header(V3Signature.HEADER, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url,
                    new String(body, StandardCharsets.UTF_8), now));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A correct signature and timestamp, given as query parameters instead of headers. */
    private static HttpResponse<String> signedInQuery(HubSpotWorld w, String body) throws Exception {
        long now = System.currentTimeMillis();
        String url = HubSpotWorld.webhookUrl(w.port);
        String signature = V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url, body, now);
        String query = "?" + V3Signature.HEADER + "=" + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8)
                + "&" + V3Signature.TIMESTAMP_HEADER + "=" + now;
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + query)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
