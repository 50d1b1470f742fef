package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.openapi.BeanConfig;
import org.apache.camel.openapi.RestOpenApiReader;
import org.apache.camel.openapi.RestOpenApiSupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of every REST operation. camel-openapi-java generates it from
 * the REST DSL (so an operation added to a route file is in it without more work); what the DSL cannot say — the
 * request and answer schemas, examples, the bearer scheme and the problem answers — is merged in from
 * {@code openapi/api.yaml} by routeId, which is also each operation's {@code operationId}. Built once, on first use.
 */
public final class OpenApiDocument {
    static final String PATH = "/api/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PROBLEMS = Map.of("400", "Bad input: every offending field in 'errors'",
            "401", "No valid 'Authorization: Bearer <token>' header", "403",
            "The token's role may not make this call (the roles that may are in 'detail' and this operation's security)",
            "429", "Over the token's rate limit; see Retry-After", "404", "Not found", "405",
            "Method not allowed", "409", "Conflict with the current state", "413", "Body too large", "415",
            "Body not sent as application/json", "500", "Internal error (logged)");
    private volatile String document;

    public void serve(Exchange exchange) {
        String json = document;
        if (json == null) {
            json = build(exchange.getContext());
            document = json;
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(json);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    static String build(CamelContext camel) {
        try {
            List<RestDefinition> rests = new RestOpenApiSupport().getRestDefinitions(camel);
            BeanConfig config = new BeanConfig();
            config.setVersion("3.0.3");
            config.setTitle("LoyaltyBridge API");
            var generated = new RestOpenApiReader().read(camel, rests, config, camel.getName(),
                    camel.getClassResolver());
            ObjectNode doc = (ObjectNode) JSON.readTree(RestOpenApiSupport.getJsonFromOpenAPIAsString(generated,
                    config));
            enrich(doc, rests, descriptions());
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the OpenAPI document: " + e.getMessage(), e);
        }
    }

    private static JsonNode descriptions() throws IOException {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/api.yaml")) {
            if (in == null) {
                throw new IOException("openapi/api.yaml is missing from the jar");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static void enrich(ObjectNode doc, List<RestDefinition> rests, JsonNode described) {
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.with("info");
        info.setAll((ObjectNode) described.path("info"));
        info.put("version", "1");
        doc.remove("servers");
        ObjectNode components = doc.with("components");
        components.with("schemas").setAll((ObjectNode) described.path("schemas"));
        components.with("securitySchemes").set("bearer", JSON.createObjectNode().put("type", "http")
                .put("scheme", "bearer").put("description", "the API token, in the Authorization header only"));
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.with("paths");
        for (RestDefinition rest : rests) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = join(rest.getPath(), verb.getPath());
                JsonNode operation = paths.path(path).path(verb.asVerb().toLowerCase(Locale.ROOT));
                if (operation instanceof ObjectNode op && verb.getRouteId() != null) {
                    describe(op, verb, described.path("operations").path(verb.getRouteId()));
                }
            }
        }
    }

    private static void describe(ObjectNode op, VerbDefinition verb, JsonNode described) {
        op.put("operationId", verb.getRouteId());
        if (described.has("summary")) {
            op.put("summary", described.get("summary").asText());
        }
        // Query parameters: the REST DSL here declares none, so they are described beside the schemas.
        described.path("query").fields().forEachRemaining(q -> {
            ObjectNode param = op.withArray("parameters").addObject().put("name", q.getKey()).put("in", "query")
                    .put("required", false);
            param.set("schema", q.getValue());
        });
        if (described.path("public").asBoolean(false)) {
            op.putArray("security");
        }
        boolean writes = List.of("post", "put", "patch").contains(verb.asVerb().toLowerCase(Locale.ROOT));
        if (described.has("request")) {
            // A body other than JSON (a program file as YAML) names its media type and is described as text.
            String type = described.path("requestMedia").asText("application/json");
            ObjectNode media = op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject(type);
            if (type.equals("application/json")) {
                media.putObject("schema").put("$ref", "#/components/schemas/" + described.get("request").asText());
            } else {
                media.putObject("schema").put("type", "string").put("description", described.get("request").asText());
            }
            if (described.has("example")) {
                media.set("example", described.get("example"));
            }
        }
        ObjectNode responses = op.putObject("responses");
        if (described.has("answerMedia")) {
            responses.putObject("200").put("description", "OK").putObject("content")
                    .putObject(described.get("answerMedia").asText()).putObject("schema").put("type", "string");
        } else if (described.has("answers")) {
            described.get("answers").fields().forEachRemaining(a -> answer(responses, a.getKey(),
                    JSON.createObjectNode().put("$ref", "#/components/schemas/" + a.getValue().asText())));
        } else {
            answer(responses, "200", JSON.createObjectNode().put("type", "object"));
            if (writes) {
                answer(responses, "201", JSON.createObjectNode().put("type", "object"));
            }
        }
        PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> {
            ObjectNode problem = responses.putObject(p.getKey()).put("description", p.getValue());
            problem.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        });
    }

    private static void answer(ObjectNode responses, String status, ObjectNode schema) {
        ObjectNode response = responses.putObject(status).put("description", status.equals("201") ? "Created" : "OK");
        response.putObject("content").putObject("application/json").set("schema", schema);
    }

    private static String join(String base, String path) {
        String joined = (base == null ? "" : base) + (path == null ? "" : path);
        return joined.replaceAll("//+", "/");
    }
}
