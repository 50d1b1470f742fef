package io.loyaltybridge.salesforce;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * The change events of one stream gathered by the aggregate EIP of routes/salesforce-events.camel.yaml, in arrival
 * order. {@link #recordIds()} is what the route's completion predicate compares with the batch size: one queryAll
 * reads up to 200 ids, so a batch is sized in ids, not events (a merged event names many).
 */
final class EventBatch {
    /** The exchange property the routes' completion predicate reads. */
    static final String RECORD_IDS = "SalesforceBatchRecordIds";

    private final String source;
    private final List<TakenEvent> events = new ArrayList<>();
    private int recordIds;

    EventBatch(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    List<TakenEvent> events() {
        return events;
    }

    int recordIds() {
        return recordIds;
    }

    TakenEvent last() {
        return events.get(events.size() - 1);
    }

    private void add(TakenEvent event) {
        events.add(event);
        recordIds += event.event().recordIds().size();
    }

    /** The aggregation strategy: the first event of a stream opens a batch, the next ones join it. */
    static final class Gather implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange batch, Exchange next) {
            TakenEvent event = next.getIn().getBody(TakenEvent.class);
            Exchange into = batch == null ? next : batch;
            EventBatch gathered = batch == null ? new EventBatch(event.source())
                    : batch.getIn().getBody(EventBatch.class);
            gathered.add(event);
            into.getIn().setBody(gathered);
            into.setProperty(RECORD_IDS, gathered.recordIds());
            return into;
        }
    }
}
