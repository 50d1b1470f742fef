package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgWebhookInbox;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.LogSafe;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * The front of POST /webhooks/hubspot (route hubspot-webhook-receive): checks the v3 signature over the raw bytes
 * received, then stores every well-formed event in the webhook inbox (table webhook_inbox) before answering, so an
 * answered event survives a crash; an event stored before (HubSpot retries, and may deliver one event twice, to
 * any instance) is dropped by the inbox's unique key. Answers 200 with {received, fresh} counts, 401 for a missing,
 * wrong or skewed signature, 400 for a body that is not a JSON array of events, and 503 when the events could not
 * be stored (HubSpot then delivers them again). Events whose application changes nothing (our own writes coming
 * back: each contact we push returns as several) and repeats of a record's plain changes within the delivery are
 * answered but not stored (see {@link WebhookDelivery}). Events are applied by {@link WebhookDrain}, not here.
 */
public final class WebhookReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    /** One JSON array and nothing after it: {@code [...]garbage} is not a delivery. */
    private static final ObjectReader EVENTS = HubSpotClient.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WebhookSignature signature;
    private final String publicUrl;
    private final Transactions tx;
    private final PgWebhookInbox inbox;
    private final Predicate<JsonNode> changesNothing;

    /** {@code changesNothing}: events answered but not stored, since applying them would change nothing. */
    WebhookReceiver(WebhookSignature signature, String publicUrl, Transactions tx,
                    Predicate<JsonNode> changesNothing) {
        this.changesNothing = changesNothing;
        this.signature = signature;
        this.publicUrl = publicUrl;
        this.tx = tx;
        this.inbox = new PgWebhookInbox(tx);
    }

    public void receive(Exchange exchange) {
        var in = exchange.getIn();
        byte[] raw = in.getBody(byte[].class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        String uri = publicUrl + (query == null || query.isEmpty() ? "" : "?" + query);
        WebhookSignature.Verdict verdict = signature.check("POST", uri, raw == null ? new byte[0] : raw,
                wireHeader(in, "X-HubSpot-Signature-v3"), wireHeader(in, "X-HubSpot-Request-Timestamp"));
        int status = 200;
        int received = 0;
        Stored stored = new Stored(0, 0);
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
                stored = store(events);
            } catch (IOException e) {
                LOG.warn("HubSpot webhook refused: the body is not a JSON array of events");
                status = 400;
            } catch (RuntimeException e) {
                // Not stored, so not answered 200: HubSpot delivers the events again.
                LOG.warn("HubSpot webhook not stored, answered 503: {}", LogSafe.describe(e));
                LOG.debug("HubSpot webhook store failure in full", e);
                status = 503;
            }
        }
        exchange.getMessage().setBody(null);
        int fresh = stored.fresh();
        exchange.getMessage().setHeader("HubSpotEvents", fresh);
        exchange.getMessage().setHeader(WebhookDeliveries.RECORDS_HEADER, stored.records());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        // HubSpot ignores the body; it tells an operator replaying a delivery what was new.
        exchange.setProperty("hubspotAnswer", status == 200
                ? "{\"received\":" + received + ",\"fresh\":" + fresh + "}" : problem(status));
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

    /** What a delivery added to the inbox: events not stored before, and at most that many records they touch. */
    private record Stored(int fresh, int records) {
    }

    /** Stores the delivery's events worth storing (see {@link WebhookDelivery}) in one transaction. */
    private Stored store(JsonNode events) {
        WebhookDelivery delivery = WebhookDelivery.of(events, changesNothing);
        if (delivery.misshapen > 0) {
            LOG.warn("HubSpot webhook: {} of {} events skipped: not events HubSpot sends (no type, time or record id)",
                    delivery.misshapen, events.size());
        }
        int fresh = delivery.stored.isEmpty() ? 0 : tx.inTransaction(() -> inbox.add(delivery.stored));
        return new Stored(fresh, Math.min(fresh, delivery.records));
    }
}
