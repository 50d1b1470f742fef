package io.loyaltybridge.hubspot;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers stored deliveries for routes/hubspot-webhooks.camel.yaml: HubSpot sends a burst as many small requests,
 * and applying each at once would read the same few records per request. The events are already safe in the inbox;
 * what is gathered here is only how many records the fresh ones touch (an order's creation arrives as one event per
 * property set, all read with one id), which the route's completion predicate compares with the batch size: a
 * batch read takes 100 ids. Then one drain applies everything waiting.
 */
final class WebhookDeliveries implements AggregationStrategy {
    /** The exchange property the route's completion predicate reads. */
    static final String RECORDS = "HubSpotInboxRecords";
    /** The receiver's count of records a delivery's fresh events touch. */
    static final String RECORDS_HEADER = "HubSpotRecords";

    @Override
    public Exchange aggregate(Exchange gathered, Exchange delivery) {
        Integer fresh = delivery.getIn().getHeader(RECORDS_HEADER, Integer.class);
        Exchange into = gathered == null ? delivery : gathered;
        int before = gathered == null ? 0 : gathered.getProperty(RECORDS, 0, Integer.class);
        into.setProperty(RECORDS, before + (fresh == null ? 0 : fresh));
        return into;
    }
}
