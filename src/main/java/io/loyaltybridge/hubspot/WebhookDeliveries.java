package io.loyaltybridge.hubspot;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers stored deliveries for routes/hubspot-webhooks.camel.yaml: HubSpot sends a burst as many small requests,
 * and applying each at once would read the same few records per request. The events are already safe in the inbox;
 * what is gathered here is only the count of fresh ones, which the route's completion predicate compares with the
 * batch size. Then one drain applies them all, a batch (one batch read per 100 ids and object type) at a time.
 */
final class WebhookDeliveries implements AggregationStrategy {
    /** The exchange property the route's completion predicate reads. */
    static final String EVENTS = "HubSpotInboxEvents";

    @Override
    public Exchange aggregate(Exchange gathered, Exchange delivery) {
        Integer fresh = delivery.getIn().getHeader("HubSpotEvents", Integer.class);
        Exchange into = gathered == null ? delivery : gathered;
        int before = gathered == null ? 0 : gathered.getProperty(EVENTS, 0, Integer.class);
        into.setProperty(EVENTS, before + (fresh == null ? 0 : fresh));
        return into;
    }
}
