package io.loyaltybridge.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at /api/openapi.json: served without a token, lists every operation of the REST DSL (read
 * from the route files, so operations added later are checked too), passes the swagger-parser's validation, and
 * real answers of the running app — successes and problems — match the schemas it declares.
 */
class OpenApiDocumentTest {
    private static RichFixture fx;
    private static String document;
    private static JsonNode tree;
    private static long member;

    @BeforeAll
    static void start() {
        fx = new RichFixture();
        member = fx.memberWith("openapi@example.com", "300");
        Http.Response r = new Http(fx.app.baseUrl(), null).get("/api/openapi.json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        document = r.text();
        tree = r.json();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void every_rest_operation_is_in_the_document_under_its_route_id() {
        List<String> missing = new ArrayList<>();
        for (RestRoutes route : RestRoutes.all()) {
            JsonNode op = tree.path("paths").path(route.path()).path(route.method().toLowerCase());
            if (op.isMissingNode() || !op.path("operationId").asText().equals(route.routeId())) {
                missing.add(route + " (" + route.routeId() + ")");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void the_document_passes_the_openapi_parser_validation_and_declares_the_bearer_scheme_and_problems() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(tree.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(tree.at("/components/schemas/Problem/required").toString()).contains("status", "code");
        tree.path("paths").forEach(path -> path.forEach(op -> {
            assertThat(op.at("/responses/401/content/application~1problem+json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
            JsonNode body = op.at("/requestBody/content/application~1json");
            if (!body.isMissingNode()) {
                assertThat(body.has("example")).as(op.path("operationId").asText()).isTrue();
            }
        }));
        assertThat(tree.at("/paths/~1api~1openapi.json/get/security").isEmpty()).isTrue();
    }

    @Test
    void real_answers_match_the_schemas_of_the_document() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        List<String> mismatches = new ArrayList<>();
        String order = """
                {"source":"shop","externalId":"OA-1","member":{"email":"oa@example.com"},"total":"25.00",
                 "currency":"EUR","placedAt":"2026-05-01T12:00:00Z","status":"completed",
                 "lines":[{"sku":"B","category":"books","quantity":1,"unitPrice":"25.00"}]}""";
        check(validator, mismatches, "POST", "/api/orders", order, 201);
        check(validator, mismatches, "POST", "/api/orders", order, 200);
        check(validator, mismatches, "POST", "/api/orders", "{\"source\":7}", 400);
        check(validator, mismatches, "POST", "/api/members", "{\"email\":\"oa-new@example.com\"}", 201);
        check(validator, mismatches, "POST", "/api/members/" + member + "/adjustments",
                "{\"points\":5,\"reason\":\"goodwill\",\"idempotencyKey\":\"oa-adj\"}", 201);
        check(validator, mismatches, "POST", "/api/members/" + member + "/redemptions",
                "{\"points\":5,\"reason\":\"voucher\",\"idempotencyKey\":\"oa-red\"}", 201);
        check(validator, mismatches, "POST", "/api/members/" + member + "/adjustments",
                "{\"points\":5,\"reason\":\"x\",\"idempotencyKey\":\"oa-2\",\"account\":\"cashback\"}", 400);
        check(validator, mismatches, "POST", "/api/events", "{\"member\":{\"id\":" + member
                + "},\"event\":\"review\",\"eventId\":\"oa-ev\",\"occurredAt\":\"2026-05-01T12:00:00Z\"}", 201);
        check(validator, mismatches, "POST", "/api/partners/skyair/transactions", "{\"member\":{\"id\":" + member
                + "},\"transactionId\":\"oa-t\",\"amount\":\"40.00\",\"occurredAt\":\"2026-05-01T12:00:00Z\"}", 201);
        check(validator, mismatches, "GET", "/api/members/" + member, null, 200);
        check(validator, mismatches, "GET", "/api/members?email=openapi@example.com", null, 200);
        check(validator, mismatches, "GET", "/api/members/" + member + "/ledger", null, 200);
        check(validator, mismatches, "GET", "/api/members/999999", null, 404);
        check(validator, mismatches, "GET", "/api/program", null, 200);
        check(validator, mismatches, "GET", "/api/rewards", null, 200);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void an_unauthenticated_call_and_a_wrong_content_type_answer_as_documented() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        Http.Response anonymous = new Http(fx.app.baseUrl(), null).get("/api/members/" + member);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(report(validator, "GET", "/api/members/" + member, anonymous).getMessages()).isEmpty();
        Http.Response plain = fx.http.send(fx.http.builder("/api/orders").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(plain.status()).isEqualTo(415);
        assertThat(report(validator, "POST", "/api/orders", plain).getMessages()).isEmpty();
    }

    private static void check(OpenApiInteractionValidator validator, List<String> mismatches, String method,
                              String pathAndQuery, String body, int expected) {
        Http.Response r = body == null ? fx.http.get(pathAndQuery)
                : fx.http.send(fx.http.builder(pathAndQuery).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.status() != expected) {
            mismatches.add(method + " " + pathAndQuery + " answered " + r.status() + ", expected " + expected + ": "
                    + r.text());
            return;
        }
        ValidationReport report = report(validator, method, pathAndQuery, r);
        if (body != null && expected < 300) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, pathAndQuery.split("\\?")[0])
                    .withBody(body).withContentType("application/json")
                    .withAuthorization("Bearer " + fx.app.apiToken());
            report = report.merge(validator.validateRequest(request.build()));
        }
        if (report.hasErrors()) {
            mismatches.add(method + " " + pathAndQuery + " -> " + r.status() + ": " + report.getMessages());
        }
    }

    private static ValidationReport report(OpenApiInteractionValidator validator, String method, String pathAndQuery,
                                           Http.Response r) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status())
                .withContentType(r.contentType());
        if (!r.text().isEmpty()) {
            response.withBody(r.text());
        }
        return validator.validateResponse(pathAndQuery.split("\\?")[0], Request.Method.valueOf(method),
                response.build());
    }
}
