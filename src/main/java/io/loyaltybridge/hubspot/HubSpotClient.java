package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import java.util.Map;

/**
 * Every HubSpot API call, through the route direct:hubspot-call (camel-http): waits for the rate limiter, adds the
 * Bearer token, learns from the rate-limit headers, waits out a 429 and tries again, and renews an OAuth token
 * after a 401. Answers any other status to the caller, who decides what it means. The HTTP client underneath never
 * retries on its own (see {@link #NO_AUTOMATIC_RETRIES}): its default re-sends a 429 or 503 after one second,
 * which is inside HubSpot's window and costs a second rejected call.
 */
final class HubSpotClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** OAuth's date-versioned token endpoint; the v1 one is retired on 2027-02-16. */
    static final String TOKEN_PATH = "/oauth/2026-03/token";
    private static final int ATTEMPTS = 8;

    /**
     * Bound as hubspotHttpClientConfigurer and named by the hubspot-call route's endpoint: httpclient5's default
     * retry strategy (one retry of a 429 or 503 after 1 s, and of I/O failures) is off, so every retry goes
     * through {@link #call}, which honours Retry-After and the rate-limit interval.
     */
    static final HttpClientConfigurer NO_AUTOMATIC_RETRIES = HttpClientBuilder::disableAutomaticRetries;

    /** One answer: status, parsed body (missing when empty) and headers. */
    record Answer(int status, JsonNode json, Map<String, Object> headers) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The answer, or an exception in HubSpot's terms when it is not a 2xx. */
        Answer orThrow() {
            if (!ok()) {
                throw new HubSpotException(status, json.path("category").asText("UNKNOWN"),
                        json.path("message").asText("(no message)"), null);
            }
            return this;
        }
    }

    /** Requests sent by each thread: the sync counts its own reads per stream while webhooks run beside it. */
    private static final ThreadLocal<long[]> SENT = ThreadLocal.withInitial(() -> new long[1]);
    private final RateLimiter limiter;
    private final HubSpotAuth auth;
    private volatile ProducerTemplate template;

    HubSpotClient(RateLimiter limiter, HubSpotAuth auth) {
        this.limiter = limiter;
        this.auth = auth;
    }

    /** Called once Camel is configured: calls go through its route. */
    void attach(CamelContext camel) {
        template = camel.createProducerTemplate();
        auth.tokenEndpoint(form -> send("POST", TOKEN_PATH, null, form,
                "application/x-www-form-urlencoded", null).json());
    }

    Answer post(String path, Object body) {
        return call("POST", path, null, body, path.endsWith("/search"));
    }

    Answer get(String path, String query) {
        return call("GET", path, query, null, false);
    }

    Answer call(String method, String path, String query, Object body, boolean search) {
        String json = body == null ? null : write(body);
        boolean refreshed = false;
        Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                limiter.acquire(search);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubSpotException(0, "INTERRUPTED", "interrupted while waiting for the rate limit", e);
            }
            try {
                answer = send(method, path, query, json, "application/json", auth.token());
            } finally {
                if (search) {
                    limiter.searched();
                }
            }
            limiter.observe(answer.headers());
            long retryAfterMs = retryAfterMs(answer.headers().get("Retry-After"));
            if (answer.status() == 429) {
                limiter.rateLimited(answer.json().path("policyName").asText(null), retryAfterMs);
            } else if (answer.status() == 503 && retryAfterMs > 0) {
                // Not retried here (a create must not be sent twice); every call waits as asked, and the
                // caller's next cycle tries again.
                limiter.pause(retryAfterMs);
                return answer;
            } else if (answer.status() == 401 && auth.canRefresh() && !refreshed) {
                auth.invalidate();
                refreshed = true;
            } else {
                return answer;
            }
        }
        return answer;
    }

    private Answer send(String method, String path, String query, String body, String contentType, String token) {
        ProducerTemplate producer = template;
        if (producer == null) {
            throw new IllegalStateException("the HubSpot client is used before Camel started");
        }
        SENT.get()[0]++;
        Exchange done = producer.request("direct:hubspot-call", ex -> {
            ex.getIn().setHeader("HubSpotMethod", method);
            ex.getIn().setHeader("HubSpotPath", path);
            ex.getIn().setHeader("HubSpotQuery", query);
            ex.getIn().setHeader("Content-Type", contentType);
            if (token != null) {
                ex.getIn().setHeader("Authorization", "Bearer " + token);
            }
            ex.getIn().setBody(body);
        });
        if (done.getException() != null) {
            throw new HubSpotException(0, "NETWORK", done.getException().getMessage(), done.getException());
        }
        Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String text = done.getMessage().getBody(String.class);
        return new Answer(status == null ? 0 : status, parse(text), done.getMessage().getHeaders());
    }

    /** Requests this thread has sent so far, every attempt counted (a retried call counts each time). */
    static long sentByThisThread() {
        return SENT.get()[0];
    }

    /** Retry-After in seconds (HubSpot's form) as milliseconds; 0 when absent or not a number of seconds. */
    static long retryAfterMs(Object header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, (long) (Double.parseDouble(header.toString().strip()) * 1000));
        } catch (NumberFormatException httpDate) {
            return 0;
        }
    }

    static String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }
}
