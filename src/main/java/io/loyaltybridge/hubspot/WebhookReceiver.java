package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front of POST /webhooks/hubspot (route hubspot-webhook-receive): checks the v3 signature over the raw bytes
 * received, drops events already seen (HubSpot retries, and may deliver one event twice), and leaves the fresh
 * events in the body for the asynchronous route. Answers 200 with {received, fresh} counts, or 401 for a missing, wrong or stale signature and
 * 400 for a body that is not a JSON array of events; nothing slow happens here, so HubSpot is answered at once.
 */
public final class WebhookReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final int REMEMBERED = 100_000;
    /** One JSON array and nothing after it: {@code [...]garbage} is not a delivery. */
    private static final ObjectReader EVENTS = HubSpotClient.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WebhookSignature signature;
    private final String publicUrl;
    private final Map<Long, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    WebhookReceiver(WebhookSignature signature, String publicUrl) {
        this.signature = signature;
        this.publicUrl = publicUrl;
    }

    public void receive(Exchange exchange) {
        var in = exchange.getIn();
        byte[] raw = in.getBody(byte[].class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        String uri = publicUrl + (query == null || query.isEmpty() ? "" : "?" + query);
        WebhookSignature.Verdict verdict = signature.check("POST", uri, raw == null ? new byte[0] : raw,
                wireHeader(in, "X-HubSpot-Signature-v3"), wireHeader(in, "X-HubSpot-Request-Timestamp"));
        List<JsonNode> fresh = new ArrayList<>();
        int status = 200;
        int received = 0;
        if (verdict != WebhookSignature.Verdict.VALID) {
            LOG.warn("HubSpot webhook refused: signature {}", verdict.name().toLowerCase());
            status = 401;
        } else {
            try {
                // An empty body arrives as null; it is as little an array of events as malformed JSON is.
                JsonNode events = raw == null ? null : EVENTS.readTree(raw);
                if (events == null || !events.isArray()) {
                    throw new IOException("not an array");
                }
                received = events.size();
                events.forEach(e -> {
                    if (firstTime(e.path("eventId").asLong())) {
                        fresh.add(e);
                    }
                });
            } catch (IOException e) {
                LOG.warn("HubSpot webhook refused: the body is not a JSON array of events");
                status = 400;
            }
        }
        exchange.getMessage().setBody(fresh);
        exchange.getMessage().setHeader("HubSpotEvents", fresh.size());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        // HubSpot ignores the body; it tells an operator replaying a delivery what was new.
        exchange.setProperty("hubspotAnswer", status == 200
                ? "{\"received\":" + received + ",\"fresh\":" + fresh.size() + "}" : problem(status));
        exchange.setProperty("hubspotContentType", status == 200 ? "application/json" : "application/problem+json");
    }

    /** A header the sender really sent: Camel makes query parameters headers too, and those never count. */
    private static String wireHeader(org.apache.camel.Message in, String name) {
        return in instanceof org.apache.camel.component.platform.http.vertx.HttpMessage http
                && http.getRequest() != null ? http.getRequest().getHeader(name) : null;
    }

    /** The refusal as the API's problem bodies are shaped (HubSpot ignores it; an operator replaying reads it). */
    private static String problem(int status) {
        String code = status == 401 ? "bad_signature" : "invalid_request";
        String detail = status == 401 ? "missing, wrong or stale X-HubSpot-Signature-v3"
                : "the body is not one JSON array of events";
        return "{\"type\":\"https://loyaltybridge.io/problems/" + code.replace('_', '-') + "\",\"title\":\""
                + (status == 401 ? "Signature not valid" : "The request is not valid") + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
    }

    private synchronized boolean firstTime(long eventId) {
        return seen.put(eventId, Boolean.TRUE) == null;
    }
}
