package io.loyaltybridge.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops one library warning that can never apply here, and only that one: camel-salesforce warns at every start that
 * {@code getSObject*} operations need generated DTO classes ("packages") or {@code rawPayload=true}. Every Salesforce
 * call LoyaltyBridge makes asks for raw JSON (rawPayload or the raw operation), so there are no DTOs to find; any
 * other message of that component still shows.
 */
public final class KnownNoise extends TurboFilter {
    private static final String SALESFORCE_COMPONENT = "org.apache.camel.component.salesforce.SalesforceComponent";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.WARN && format != null && format.startsWith("Missing property packages")
                && SALESFORCE_COMPONENT.equals(logger.getName())) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
