package io.loyaltybridge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for API tests: real HTTP over loopback, bearer token included unless told otherwise. */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            // HTTP/1.1 as curl and the browser speak it here: the JDK's default first offers an h2c upgrade, which
            // once ended in a frame error on a large answer (RolesApiTest, the OpenAPI document; not reproduced).
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String token;

    public Http(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public record Response(int status, String contentType, JsonNode json, String text, java.net.http.HttpHeaders headers) {
        /** The fields a problem answer names, in order; empty when it names none. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (json != null) {
                json.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            }
            return fields;
        }
    }

    public Response get(String path) {
        return send(builder(path).GET().build());
    }

    public Response post(String path, String body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = null;
            try {
                json = text.isEmpty() ? null : MAPPER.readTree(text);
            } catch (IOException notJson) {
                // left null: the test asserts on text
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    json, text, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
