package io.loyaltybridge.salesforce;

import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ErrorClass;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.LogSafe;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes change events in, a batch at a time (routes/salesforce-events.camel.yaml: take, aggregate, read, settle).
 * An event says which records changed, not always how (an update carries only the changed fields, a GAP event
 * none), so a batch's records are read again by id with one queryAll per 200 ids, deletions included, and settled
 * like polled ones in one transaction that also stores the replay id of the batch's last event: a restart resumes
 * right after the last batch taken in. Echoes of our own writes are passed over without a read. When a read keeps
 * failing, the next poll is brought forward instead and the replay id stays where it was.
 */
public final class EventIngest {
    private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);
    private static final int ATTEMPTS = 3;
    private static final int IDS_PER_READ = 200;
    /** The sync source (replay id) of the Account change event stream. */
    static final String ACCOUNT = "Account";

    private final IncrementalPoll reader;
    private final Inbound inbound;
    private final EchoFilter echoes;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final Runnable catchUp;
    private final Stops stops;
    private final PersonAccounts persons;
    /** Echoes of our writes through person accounts: the loyalty fields as __pc. */
    private final EchoFilter accountEchoes;
    private final ReadOnce readOnce = new ReadOnce();
    private final AtomicLong arrivals = new AtomicLong();
    /** Per source, the arrival number of the last event whose replay id was stored. */
    private final Map<String, Long> stored = new ConcurrentHashMap<>();

    EventIngest(IncrementalPoll reader, Inbound inbound, EchoFilter echoes, Transactions tx, PgSyncSources sources,
                Runnable catchUp, Stops stops, PersonAccounts persons, EchoFilter accountEchoes) {
        this.stops = stops;
        this.persons = persons;
        this.accountEchoes = accountEchoes;
        this.reader = reader;
        this.inbound = inbound;
        this.echoes = echoes;
        this.tx = tx;
        this.sources = sources;
        this.catchUp = catchUp;
    }

    /** Route {@code salesforce-contact-events}: the event, numbered in arrival order, on its way to a batch. */
    public TakenEvent contact(Exchange exchange) {
        return taken(IncrementalPoll.CONTACT, exchange);
    }

    /** Route {@code salesforce-account-events}: started only in an org with person accounts. */
    public TakenEvent account(Exchange exchange) {
        return taken(ACCOUNT, exchange);
    }

    /** Route {@code salesforce-order-events}. */
    public TakenEvent order(Exchange exchange) {
        return taken(IncrementalPoll.ORDER, exchange);
    }

    private TakenEvent taken(String source, Exchange exchange) {
        String replay = exchange.getIn().getHeader(SalesforceConstants.HEADER_SALESFORCE_PUBSUB_REPLAY_ID, String.class);
        return new TakenEvent(source, decoded(exchange), replay == null ? null : Base64.getDecoder().decode(replay),
                arrivals.incrementAndGet());
    }

    /** An event that cannot be decoded counts as an overflow: passed over, with a catch-up poll to cover it. */
    private ChangeEvent decoded(Exchange exchange) {
        try {
            return ChangeEvent.of(exchange.getIn().getBody(GenericRecord.class));
        } catch (RuntimeException e) {
            LOG.warn("Salesforce change event not readable ({}); a catch-up poll will cover it", LogSafe.describe(e));
            return new ChangeEvent("GAP_OVERFLOW", List.of(), "", List.of(), 0L, "");
        }
    }

    /** Route {@code salesforce-event-batches}, first step: the batch's records, one queryAll per 200 ids. */
    public BatchRead read(EventBatch batch) {
        try {
            return IncrementalPoll.ORDER.equals(batch.source()) ? readOrders(batch) : readPeople(batch);
        } catch (RuntimeException e) {
            LOG.warn("Salesforce change events not read ({}); a catch-up poll will cover them", LogSafe.describe(e));
            failed(e);
            return BatchRead.failed(batch);
        }
    }

    /** Route {@code salesforce-event-batches}, second step: the records and the replay id, in one transaction. */
    public void settle(BatchRead read) {
        if (read.failed()) {
            return;
        }
        Runnable store = () -> storeReplayId(read.last());
        try {
            if (!read.contacts().isEmpty()) {
                inbound.contacts(read.contacts(), null, store);
            } else if (!read.orders().isEmpty()) {
                inbound.orders(read.orders(), null, store);
            } else {
                tx.inTransaction(() -> {
                    store.run();
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Salesforce change events not taken in ({}); a catch-up poll will cover them",
                    LogSafe.describe(e));
            failed(e);
            return;
        }
        if (read.catchUp()) {
            catchUp.run();
        }
    }

    private BatchRead readOrders(EventBatch batch) {
        List<String> ids = new ArrayList<>();
        boolean overflow = false;
        boolean stopped = stops.stopped(IncrementalPoll.ORDER);
        for (TakenEvent taken : batch.events()) {
            ChangeEvent event = taken.event();
            overflow |= event.isOverflow();
            if (!stopped && !event.isOverflow() && !echoes.isEcho(event)) {
                event.recordIds().stream().filter(Soql::isId).filter(id -> !ids.contains(id)).forEach(ids::add);
            }
        }
        List<InboundOrder> read = readAll(ids, reader::ordersById);
        return read == null ? BatchRead.failed(batch)
                : new BatchRead(batch.source(), batch.last(), List.of(), read, overflow && !stopped, false);
    }

    /**
     * Contacts, or person accounts' contacts: a person's change comes on Account and Contact alike, and whichever
     * event comes second finds the person already read under that transaction and asks for nothing. A stopped
     * Contact stream stops the Account events too: a person account's member is a Contact's.
     */
    private BatchRead readPeople(EventBatch batch) {
        boolean accounts = ACCOUNT.equals(batch.source());
        EchoFilter filter = accounts ? accountEchoes : echoes;
        boolean stopped = stops.stopped(IncrementalPoll.CONTACT);
        List<TakenEvent> wanted = new ArrayList<>();
        boolean overflow = false;
        for (TakenEvent taken : batch.events()) {
            overflow |= taken.event().isOverflow();
            if (!stopped && !taken.event().isOverflow() && !filter.isEcho(taken.event())) {
                wanted.add(taken);
            }
        }
        if (accounts && !wanted.isEmpty()) {
            // One look-up for the whole batch; the per-event look-ups below then find every person remembered.
            List<String> all = wanted.stream().flatMap(t -> t.event().recordIds().stream()).distinct().toList();
            if (withRetries(() -> persons.personContactsOf(all)) == null) {
                return BatchRead.failed(batch);
            }
        }
        BatchRead.People people = new BatchRead.People();
        for (TakenEvent taken : wanted) {
            ChangeEvent event = taken.event();
            List<String> ids = accounts ? withRetries(() -> persons.personContactsOf(event.recordIds()))
                    : event.recordIds();
            if (ids == null) {
                return BatchRead.failed(batch);
            }
            people.add(event, readOnce.unread(event.transactionKey(), ids));
        }
        List<InboundContact> read = readAll(new ArrayList<>(people.ids), reader::contactsById);
        return read == null ? BatchRead.failed(batch) : new BatchRead(batch.source(), batch.last(),
                people.withPurged(read), List.of(), overflow && !stopped, false);
    }

    /**
     * Stores the replay id of the batch's last event, never one older than the last stored: batches are settled
     * one at a time in the order they completed (see the routes), and this check holds that line should it break.
     */
    private void storeReplayId(TakenEvent last) {
        long before = stored.getOrDefault(last.source(), 0L);
        if (last.seq() <= before) {
            LOG.error("Salesforce {} change event batch settled out of order; its replay id is not stored",
                    last.source());
            return;
        }
        sources.replayId(ContactRecords.SYSTEM, last.source(), last.replayId());
        stored.put(last.source(), last.seq());
    }

    /** The records read again, or null when Salesforce would not answer (then a catch-up covers them). */
    private <T> List<T> readAll(List<String> ids, Function<List<String>, List<T>> read) {
        List<T> records = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            List<T> chunk = withRetries(() -> read.apply(some));
            if (chunk == null) {
                return null;
            }
            records.addAll(chunk);
        }
        return records;
    }

    private <T> List<T> withRetries(Supplier<List<T>> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || SalesforceErrors.classify(e) == ErrorClass.PERMANENT) {
                    LOG.warn("Salesforce change events not read ({}); a catch-up poll will cover them",
                            LogSafe.describe(e));
                    failed(e);
                    return null;
                }
                LockSupport.parkNanos(Duration.ofMillis(250L << attempt).toNanos());
            }
        }
    }

    private void failed(RuntimeException e) {
        catchUp.run();
        tx.inTransaction(() -> {
            sources.failed(ContactRecords.SYSTEM, "events", String.valueOf(e.getMessage()));
            return null;
        });
    }
}
