package io.loyaltybridge.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops two library messages that never report a problem here, and only those:
 * <ul>
 * <li>camel-salesforce warns at every start that {@code getSObject*} operations need generated DTO classes
 * ("packages") or {@code rawPayload=true}. Every Salesforce call LoyaltyBridge makes asks for raw JSON (rawPayload or
 * the raw operation), so there are no DTOs to find; any other message of that component still shows.</li>
 * <li>While the app stops (Ctrl+C), camel-salesforce's Pub/Sub client reports the change-event streams it is closing
 * ("GRPC Exception": CANCELLED, "Channel shutdown invoked") at ERROR, with stack traces. Those streams are closed on
 * purpose and resume from their stored replay ids at the next start; before the stop, the same ERRORs still show.</li>
 * </ul>
 */
public final class KnownNoise extends TurboFilter {
    private static final String SALESFORCE_COMPONENT = "org.apache.camel.component.salesforce.SalesforceComponent";
    private static final String PUB_SUB_CLIENT = "org.apache.camel.component.salesforce.internal.client.PubSubApiClient";
    private static volatile boolean stopping;

    /** The app has begun to stop: the Pub/Sub client's reports of closing streams are expected from now on. */
    public static void appStopping() {
        stopping = true;
    }

    /** An app has started in this JVM (tests start several in turn): such ERRORs show again. */
    public static void appRunning() {
        stopping = false;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.WARN && format != null && format.startsWith("Missing property packages")
                && SALESFORCE_COMPONENT.equals(logger.getName())) {
            return FilterReply.DENY;
        }
        if (stopping && level == Level.ERROR && logger.getName().startsWith(PUB_SUB_CLIENT)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
