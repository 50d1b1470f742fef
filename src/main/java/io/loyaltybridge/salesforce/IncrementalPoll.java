package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.SourceCursor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incremental read: every record whose SystemModstamp is at or after the stored cursor minus a lookback,
 * oldest first, through queryAll so deletions come too, paging by nextRecordsUrl. Many records can share one
 * SystemModstamp and late commits can carry an older one, hence {@code >=} and the overlap; what is read twice is
 * skipped by the engine, which compares each record's SystemModstamp with the one it last took in.
 * Each page commits with its cursor, so a failure resumes where the last page ended.
 */
final class IncrementalPoll {
    static final String CONTACT = "Contact";
    static final String ORDER = "Order";

    private final SalesforceApi api;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final Inbound inbound;
    private final ContactRecords contacts;
    private final OrderRecords orders;
    private final Duration lookback;

    IncrementalPoll(SalesforceApi api, Transactions tx, PgSyncSources sources, Inbound inbound,
                    ContactRecords contacts, OrderRecords orders, Duration lookback) {
        this.api = api;
        this.tx = tx;
        this.sources = sources;
        this.inbound = inbound;
        this.contacts = contacts;
        this.orders = orders;
        this.lookback = lookback;
    }

    void contacts() {
        read(CONTACT, contacts.select(), (records, cursor) -> {
            List<InboundContact> batch = new ArrayList<>();
            records.forEach(r -> batch.add(contacts.map(Row.of(r))));
            inbound.contacts(batch, cursor, () -> { });
        });
    }

    void orders() {
        read(ORDER, orders.select(true), (records, cursor) -> {
            List<InboundOrder> batch = new ArrayList<>();
            records.forEach(r -> batch.add(orders.map(Row.of(r), items(r))));
            inbound.orders(batch, cursor, () -> { });
        });
    }

    /** Reads these records again by id (after a change event); deleted ones come back with IsDeleted. */
    List<InboundContact> contactsById(List<String> ids) {
        List<InboundContact> read = new ArrayList<>();
        pages(contacts.select() + " WHERE Id IN (" + Soql.idList(ids) + ")", (records, cursor) ->
                records.forEach(r -> read.add(contacts.map(Row.of(r)))), null);
        return read;
    }

    List<InboundOrder> ordersById(List<String> ids) {
        List<InboundOrder> read = new ArrayList<>();
        pages(orders.select(true) + " WHERE Id IN (" + Soql.idList(ids) + ")", (records, cursor) ->
                records.forEach(r -> read.add(orders.map(Row.of(r), items(r)))), null);
        return read;
    }

    private void read(String object, String select, PageSink sink) {
        Instant watermark = tx.read(() -> sources.get(ContactRecords.SYSTEM, object))
                .map(PgSyncSources.Source::watermark).orElse(null);
        String where = watermark == null ? ""
                : " WHERE SystemModstamp >= " + Values.soql(watermark.minus(lookback));
        pages(select + where + " ORDER BY SystemModstamp, Id", sink, object);
    }

    private void pages(String soql, PageSink sink, String object) {
        JsonNode page = api.query(soql, true);
        while (true) {
            JsonNode records = page.path("records");
            if (!records.isEmpty()) {
                Instant last = Values.instant(Row.of(records.get(records.size() - 1)).get("SystemModstamp"));
                sink.take(records, object == null ? null : new SourceCursor(ContactRecords.SYSTEM, object, last));
            }
            if (page.path("done").asBoolean(true)) {
                return;
            }
            page = api.queryMore(page.path("nextRecordsUrl").asText());
        }
    }

    /**
     * An order's items, every page of them: a child subquery answers its first rows (about 200) inside the order
     * and the rest behind the child result's own {@code nextRecordsUrl}, one queryMore call per further page.
     */
    private List<Row> items(JsonNode order) {
        List<Row> items = new ArrayList<>();
        JsonNode page = order.path("OrderItems");
        while (true) {
            page.path("records").forEach(item -> items.add(Row.of(item)));
            if (page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl")) {
                return items;
            }
            page = api.queryMore(page.path("nextRecordsUrl").asText());
        }
    }

    @FunctionalInterface
    private interface PageSink {
        void take(JsonNode records, SourceCursor cursor);
    }
}
