package io.loyaltybridge.hubspot;

import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loyaltybridge.sandbox.hubspot.HubSpotSpecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits between the connector and the sandbox on loopback and holds every exchange against HubSpot's OpenAPI specs:
 * the request the connector sent and the answer it got. Tests end by asserting {@link #mismatches()} is empty.
 */
final class SpecCheckingProxy implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> FORWARDED = List.of("X-HubSpot-RateLimit-Max", "X-HubSpot-RateLimit-Remaining",
            "X-HubSpot-RateLimit-Interval-Milliseconds", "X-HubSpot-RateLimit-Daily",
            "X-HubSpot-RateLimit-Daily-Remaining", "Content-Type", "Retry-After");

    private final HttpServer server;
    private final String target;
    private final List<String> mismatches = new ArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> tokenRequests = new ArrayList<>();

    /** One call as the connector made it: when it was answered, and how. */
    record Exchange(long atMillis, String endpoint, int status) {
    }

    SpecCheckingProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Calls to {@code endpoint} (e.g. "POST /crm/v3/objects/contacts/batch/update") answered {@code status}. */
    long count(String endpoint, int status) {
        return exchanges().stream().filter(e -> e.endpoint().equals(endpoint) && e.status() == status).count();
    }

    int checked() {
        return checked.get();
    }

    /** The form bodies of every token request (POST /oauth/2026-03/token) the connector made. */
    synchronized List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            byte[] body = ex.getRequestBody().readAllBytes();
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("Authorization", "Content-Type")) {
                String value = ex.getRequestHeaders().getFirst(name);
                if (value != null) {
                    out.header(name, value);
                    headers.put(name, value);
                }
            }
            HttpResponse<byte[]> res = CLIENT.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            synchronized (this) {
                exchanges.add(new Exchange(System.currentTimeMillis(), method + " " + path, res.statusCode()));
                if (path.startsWith("/oauth/")) {
                    tokenRequests.add(new String(body, StandardCharsets.UTF_8));
                }
                if (path.startsWith("/oauth/v1/")) {
                    // HubSpot retires the v1 OAuth API on 2027-02-16: any call to it fails the test.
                    mismatches.add(method + " " + path + ": a call to the retired v1 OAuth API");
                }
            }
            check(method, path, query, body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), headers,
                    res, contentType);
            for (String name : FORWARDED) {
                res.headers().firstValue(name).ifPresent(v -> ex.getResponseHeaders().add(name, v));
            }
            ex.sendResponseHeaders(res.statusCode(), res.body().length == 0 ? -1 : res.body().length);
            if (res.body().length > 0) {
                ex.getResponseBody().write(res.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check(String method, String path, String query, String body, Map<String, String> headers,
                       HttpResponse<byte[]> res, String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                params.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        var request = HubSpotSpecs.request(method, path, params, body, headers, contentType);
        var response = HubSpotSpecs.response(res.statusCode(), res.headers().firstValue("Content-Type").orElse(null),
                new String(res.body(), StandardCharsets.UTF_8));
        ValidationReport report = HubSpotSpecs.check(request, response);
        checked.incrementAndGet();
        boolean form = path.startsWith("/oauth/");
        if (report.hasErrors() || (body != null && !String.valueOf(contentType).startsWith(
                form ? "application/x-www-form-urlencoded" : "application/json"))) {
            synchronized (this) {
                mismatches.add(method + " " + path + " -> " + res.statusCode() + ": " + report.getMessages()
                        + " content-type " + contentType + "\nrequest: " + abbreviate(body));
            }
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 2000 ? body : body.substring(0, 2000) + "...";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
