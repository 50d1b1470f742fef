package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of hostile bodies against every write operation of the REST DSL: control characters, deep
 * nesting, huge and impossible numbers and dates, trailing data, wrong types, unknown enum values and unknown fields.
 * Each must be a 4xx problem body (naming the field where one field is at fault) and leave every table as it was.
 * Each base body is itself accepted at the end, so every refusal is the mutation's doing.
 */
class HostileInputApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static RichFixture fx;
    private static long member;

    /** A valid body per write operation; {@code KEY} becomes a fresh idempotency key or external id. */
    private static final Map<String, String> BASES = Map.of(
            "POST /api/orders", """
                    {"source":"shop","externalId":"KEY","member":{"email":"hostile@example.com","firstName":"Ho",
                     "lastName":"Stile","birthDate":"1990-04-30","consent":{"marketing":true}},"total":"40.00",
                     "currency":"EUR","placedAt":"2026-05-01T12:00:00Z","status":"partially_refunded",
                     "refundedAmount":"10.00",
                     "lines":[{"sku":"BOOK-1","category":"books","quantity":2,"unitPrice":"20.00"}]}""",
            "POST /api/members", """
                    {"email":"KEY@example.com","firstName":"Ann","lastName":"Lee","birthDate":"1990-04-30",
                     "consent":{"marketing":false}}""",
            "POST /api/members/{id}/redemptions", """
                    {"points":1,"reason":"test","idempotencyKey":"KEY","account":"points"}""",
            "POST /api/members/{id}/adjustments", """
                    {"points":3,"reason":"goodwill","idempotencyKey":"KEY"}""",
            "POST /api/members/{id}/rewards/{rewardId}/redeem", """
                    {"idempotencyKey":"KEY"}""",
            "POST /api/events", """
                    {"member":{"id":MEMBER},"event":"review","eventId":"KEY","occurredAt":"2026-05-01T12:00:00Z"}""",
            "POST /api/partners/{partnerId}/transactions", """
                    {"member":{"id":MEMBER},"transactionId":"KEY","amount":"12.50","currency":"EUR",
                     "occurredAt":"2026-05-01T12:00:00Z"}""",
            "POST /api/webhooks/subscriptions", """
                    {"url":"https://93.184.215.14/hooks/KEY","eventTypes":["points_earned","tier_up"]}""",
            "PUT /api/members/{id}/consent", """
                    {"marketing":true}""");
    /** Fields whose value is one of a closed set. */
    private static final Set<String> ENUMS = Set.of("status", "currency", "account", "eventTypes[0]", "event");
    private static final Map<String, String> PATH_WORDS = Map.of("{rewardId}", "free-shipping",
            "{partnerId}", "skyair");

    @BeforeAll
    static void start() {
        fx = new RichFixture();
        member = fx.memberWith("corpus-owner@example.com", "500");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void every_hostile_body_on_every_write_operation_is_a_4xx_problem_and_changes_nothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (RestRoutes route : RestRoutes.all()) {
            if (!route.writes()) {
                continue;
            }
            String base = BASES.getOrDefault(route.method() + " " + route.path(), "{}")
                    .replace("MEMBER", Long.toString(member));
            Map<String, Long> before = Tables.counts(fx.databaseUrl);
            for (Variant v : variants(base)) {
                sent++;
                Http.Response r = send(route, v.body());
                String problem = verdict(r, v);
                if (problem != null) {
                    failures.add(route + " " + v.name() + ": " + problem);
                }
            }
            Map<String, Long> after = Tables.counts(fx.databaseUrl);
            if (!after.equals(before)) {
                failures.add(route + " changed the database: " + before + " -> " + after);
            }
        }
        assertThat(failures).as("of " + sent + " hostile requests").isEmpty();
        assertThat(sent).isGreaterThan(500);
    }

    @Test
    void every_base_body_of_the_corpus_is_itself_accepted() {
        for (RestRoutes route : RestRoutes.all()) {
            String base = BASES.get(route.method() + " " + route.path());
            if (base == null) {
                continue;
            }
            Http.Response r = send(route, utf8(base.replace("MEMBER", Long.toString(member))
                    .replace("KEY", "ok-" + Math.abs(route.path().hashCode()))));
            assertThat(r.status()).as(route + " " + r.text()).isBetween(200, 299);
        }
    }

    private static String verdict(Http.Response r, Variant v) {
        if (r.status() < 400 || r.status() >= 500) {
            return "answered " + r.status() + " " + abbreviate(r.text());
        }
        if (!r.contentType().startsWith("application/problem+json") || r.json() == null
                || r.json().path("status").asInt() != r.status()) {
            return "answered " + r.status() + " without a problem body: " + abbreviate(r.text());
        }
        if (v.field() != null && r.status() == 400 && r.errorFields().stream().noneMatch(f -> f.equals(v.field())
                || f.startsWith(v.field() + ".") || f.startsWith(v.field() + "[") || v.field().startsWith(f + ".")
                || v.field().startsWith(f + "["))) {
            return "did not name " + v.field() + ": " + abbreviate(r.text());
        }
        return null;
    }

    private static Http.Response send(RestRoutes route, byte[] body) {
        String path = route.path().replace("{id}", Long.toString(member));
        for (var word : PATH_WORDS.entrySet()) {
            path = path.replace(word.getKey(), word.getValue());
        }
        path = path.replaceAll("\\{[^}]+}", "1");
        return fx.http.send(fx.http.builder(path).header("Content-Type", "application/json")
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** One hostile body; {@code field} is the field a 400 must name, or null when the body as a whole is bad. */
    record Variant(String name, byte[] body, String field) {
    }

    static List<Variant> variants(String base) throws Exception {
        List<Variant> out = new ArrayList<>();
        String valid = base.replace("KEY", "hostile-key");
        // The body as a whole.
        for (String tail : List.of("garbage", "{}", "]", "\u0000", " {\"points\":1000}", "[]", "null")) {
            out.add(new Variant("trailing " + visible(tail), utf8(valid + tail), null));
        }
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepObject = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        out.add(new Variant("5000 nested arrays", utf8(deep), null));
        out.add(new Variant("5000 nested objects", utf8(deepObject), null));
        out.add(new Variant("deep value", utf8(valid.replaceFirst("\\{", "{\"deep\":" + deep + ",")), null));
        for (String whole : List.of("[]", "\"text\"", "42", "null", "true", "", " ", "\u0000")) {
            out.add(new Variant("whole body " + visible(whole), utf8(whole), null));
        }
        out.add(new Variant("invalid UTF-8", concat(utf8(valid.substring(0, valid.length() - 1) + ",\"x\":\""),
                new byte[]{(byte) 0xC3, (byte) 0x28, '"', '}'}), null));
        out.add(new Variant("raw NUL in a field name", utf8(valid.replaceFirst("\\{\"", "{\"\u0000")), null));
        out.add(new Variant("escaped NUL in a field name", utf8(valid.replaceFirst("\\{\"", "{\"\\\\u0000")),
                null));
        out.add(new Variant("a 200-digit number", utf8(valid.replaceFirst("\\{", "{\"n\":1" + "0".repeat(200) + ",")),
                null));
        // Unknown fields, at the top and in every nested object.
        JsonNode tree = MAPPER.readTree(valid);
        for (String extra : List.of("\"account\":\"bogus\"", "\"account\":\"cashback\"", "\"unexpected\":1")) {
            String name = extra.substring(1, extra.indexOf('"', 1));
            if (!tree.has(name)) {
                out.add(new Variant("unknown field " + extra, utf8(valid.replaceFirst("\\{", "{" + extra + ",")),
                        name));
            }
        }
        // Each leaf, and each object, replaced by hostile values of its kind and of other kinds.
        leaves(tree, "", (path, value) -> {
            for (JsonNode hostile : hostileValues(path, value)) {
                ObjectNode copy = tree.deepCopy();
                set(copy, path, hostile);
                out.add(new Variant(path + " = " + abbreviate(visible(hostile.toString())), utf8(copy.toString()),
                        path));
            }
            if (value.isObject()) {
                ObjectNode copy = tree.deepCopy();
                ((ObjectNode) at(copy, path)).put("unexpected", true);
                out.add(new Variant("unknown field in " + path, utf8(copy.toString()), path + ".unexpected"));
            }
        });
        return out;
    }

    private static List<JsonNode> hostileValues(String path, JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        var f = MAPPER.getNodeFactory();
        // Values of another type (an empty array is a fine value of an array field, true of a boolean one).
        if (!value.isArray()) {
            out.add(f.arrayNode());
        }
        if (!value.isBoolean()) {
            out.add(f.booleanNode(true));
        }
        if (!value.isObject()) {
            out.add(f.objectNode());
        }
        if (value.isTextual()) {
            String text = value.asText();
            for (String control : List.of("\u0000", "\u0007", "\u001b[31m", "\u0085", "\u007f")) {
                out.add(new TextNode(text.isEmpty() ? control : text.charAt(0) + control + text.substring(1)));
            }
            out.add(new TextNode("x".repeat(100_000)));
            if (text.matches("\\d{4}-\\d\\d-\\d\\d(T.*)?")) {
                boolean instant = text.contains("T");
                for (String year : List.of("+300000", "-5000", "0000", "0001", "9999", "1899")) {
                    out.add(new TextNode(year + (instant ? "-01-01T00:00:00Z" : "-01-01")));
                }
                out.add(new TextNode(instant ? "2026-02-30T00:00:00Z" : "2026-02-30"));
                out.add(new TextNode(instant ? "2026-13-01T25:61:00Z" : "2026-13-01"));
                out.add(f.numberNode(1_700_000_000_000L));
            }
            if (ENUMS.contains(path)) {
                for (String unknown : List.of("shipped", "BOGUS", "", " ", "p0ints", "null")) {
                    out.add(new TextNode(unknown));
                }
            }
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                for (String number : List.of("NaN", "Infinity", "-Infinity", "1e400", "0x10", "12,50", "1e-400")) {
                    out.add(new TextNode(number));
                }
                out.add(f.numberNode(new java.math.BigDecimal("1e400")));
                out.add(f.numberNode(new java.math.BigDecimal("-1e400")));
                out.add(f.numberNode(new java.math.BigDecimal("123456789012345678901234567890.5")));
            }
        }
        if (value.isNumber()) {
            out.add(f.textNode("ten"));
            out.add(f.numberNode(new java.math.BigDecimal("1e400")));
            out.add(f.numberNode(new java.math.BigDecimal("-1e400")));
            out.add(f.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
            out.add(f.numberNode(Long.MAX_VALUE));
            out.add(f.numberNode(Long.MIN_VALUE));
            out.add(f.numberNode(0.5));
        }
        if (value.isBoolean()) {
            out.add(f.textNode("true"));
            out.add(f.numberNode(1));
        }
        if (value.isObject() || value.isArray()) {
            out.add(f.textNode("text"));
            out.add(f.numberNode(42));
        }
        return out;
    }

    /** Visits every value below the root with its path ({@code member.email}, {@code lines[0].unitPrice}). */
    private static void leaves(JsonNode node, String prefix, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                visit.accept(path, e.getValue());
                leaves(e.getValue(), path, visit);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = prefix + "[" + i + "]";
                visit.accept(path, node.get(i));
                leaves(node.get(i), path, visit);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(name);
            if (bracket >= 0) {
                node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return node;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        String last = path.substring(dot + 1);
        JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ArrayNode array = (ArrayNode) parent.get(last.substring(0, bracket));
            array.set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String visible(String text) {
        return Text.visible(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
