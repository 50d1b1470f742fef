package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.store.PgWebhookInbox;
import io.loyaltybridge.store.StoreException;

import java.sql.SQLException;

/**
 * Why applying webhook events failed, and how a failed event is kept. Retriable: HubSpot or the database could not
 * be reached, or our budget is spent (the events wait, none is given up). Anything else is the batch's own content
 * (a request HubSpot refuses, a record we cannot map, data the database refuses): retrying changes nothing.
 */
final class WebhookFailures {
    /** The dead letters' record type; a replay puts the event back in the inbox. */
    static final String RECORD_TYPE = "webhook";

    private WebhookFailures() {
    }

    static boolean retriable(RuntimeException failure) {
        if (failure instanceof HubSpotException hubSpot) {
            return hubSpot.retriable();
        }
        if (failure instanceof RateLimiter.DailyBudgetSpent || failure instanceof IllegalStateException) {
            // IllegalStateException: the client before Camel started, a stop under way; nothing in the events.
            return true;
        }
        if (failure instanceof StoreException) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                    // Data (22) and integrity (23) errors come from the records; connection, rollback and
                    // resource states do not.
                    String state = sql.getSQLState().substring(0, 2);
                    return !state.equals("22") && !state.equals("23");
                }
            }
            return true;
        }
        return false;
    }

    static String code(RuntimeException failure) {
        return failure instanceof HubSpotException hubSpot ? "hubspot_" + hubSpot.status() : "rejected";
    }

    static String message(RuntimeException failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The dead letter's payload: the event as received (text, whatever it holds) and the record it is about. */
    static String payload(PgWebhookInbox.Leased event) {
        ObjectNode payload = HubSpotClient.JSON.createObjectNode();
        payload.put("objectKey", event.objectKey());
        payload.put("event", event.event());
        return payload.toString();
    }
}
