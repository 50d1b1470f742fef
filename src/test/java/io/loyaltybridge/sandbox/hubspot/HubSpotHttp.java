package io.loyaltybridge.sandbox.hubspot;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for the sandbox that holds every exchange against HubSpot's OpenAPI specs: the answer always,
 * the request too unless a test sends a broken one on purpose ({@link #unchecked()}). A mismatch fails the test.
 */
final class HubSpotHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final boolean checkRequests;

    HubSpotHttp(String baseUrl, String token) {
        this(baseUrl, token, true);
    }

    private HubSpotHttp(String baseUrl, String token, boolean checkRequests) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.checkRequests = checkRequests;
    }

    /** The same client without request checks, for requests that are wrong on purpose. */
    HubSpotHttp unchecked() {
        return new HubSpotHttp(baseUrl, token, false);
    }

    HubSpotHttp withToken(String other) {
        return new HubSpotHttp(baseUrl, other, checkRequests);
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> res = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(res.statusCode(), res.body(), res.headers());
            verify(method, pathAndQuery, body, headers, answer);
            return answer;
        } catch (IOException e) {
            throw new AssertionError("sandbox did not answer " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void verify(String method, String pathAndQuery, String body, Map<String, String> headers, Answer a) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Map<String, String> query = new LinkedHashMap<>();
        if (pathAndQuery.contains("?")) {
            for (String kv : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        Request req = HubSpotSpecs.request(method, path, query, body, headers);
        var res = HubSpotSpecs.response(a.status(), a.headers().firstValue("Content-Type").orElse(null), a.body());
        ValidationReport report = checkRequests ? HubSpotSpecs.check(req, res) : HubSpotSpecs.checkResponse(req, res);
        if (report.hasErrors()) {
            throw new AssertionError("HubSpot spec mismatch for " + method + " " + pathAndQuery + " -> " + a.status()
                    + "\n" + report.getMessages() + "\nrequest: " + body + "\nanswer: " + a.body());
        }
    }

    /** One answer; {@code json()} parses the body. */
    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
