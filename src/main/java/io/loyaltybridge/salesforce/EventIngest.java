package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ErrorClass;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes change events in. An event says which records changed, not always how (an update carries only the changed
 * fields, a GAP event none), so the records are read again by id with queryAll — one call however many ids a
 * merged event names, deletions included — and go through the same mapping as polled ones. The event's replay id
 * is stored in the same transaction, so a restart resumes right after the last event taken in. Echoes of our own
 * writes are passed over without a read. When a read keeps failing, the next poll is brought forward instead.
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

    /** Route {@code salesforce-contact-events}. */
    public void contact(Exchange exchange) {
        guarded(() -> takeContacts(exchange));
    }

    /** Route {@code salesforce-account-events}: started only in an org with person accounts. */
    public void account(Exchange exchange) {
        guarded(() -> takeAccounts(exchange));
    }

    /** Route {@code salesforce-order-events}. */
    public void order(Exchange exchange) {
        guarded(() -> takeOrders(exchange));
    }

    /** Whatever goes wrong with one event, the stream goes on and a catch-up poll covers the event. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Salesforce change event not taken in ({}); a catch-up poll will cover it", LogSafe.describe(e));
            failed(e);
        }
    }

    private void takeContacts(Exchange exchange) {
        ChangeEvent event = ChangeEvent.of(exchange.getIn().getBody(GenericRecord.class));
        byte[] replay = replayId(exchange);
        Runnable store = () -> sources.replayId(ContactRecords.SYSTEM, IncrementalPoll.CONTACT, replay);
        if (skip(IncrementalPoll.CONTACT, event, echoes, store)) {
            return;
        }
        takePeople(event, event.recordIds(), store);
    }

    /**
     * A person account's event: its person contact is read (a business account's event reads nothing), unless the
     * Contact event of the same transaction has read it already.
     */
    private void takeAccounts(Exchange exchange) {
        ChangeEvent event = ChangeEvent.of(exchange.getIn().getBody(GenericRecord.class));
        byte[] replay = replayId(exchange);
        Runnable store = () -> sources.replayId(ContactRecords.SYSTEM, ACCOUNT, replay);
        // A person account's member is a Contact's: a stopped Contact stream stops these events too.
        if (skip(IncrementalPoll.CONTACT, event, accountEchoes, store)) {
            return;
        }
        List<String> people = withRetries(() -> persons.personContactsOf(event.recordIds()));
        if (people != null) {
            takePeople(event, people, store);
        }
    }

    private void takePeople(ChangeEvent event, List<String> contactIds, Runnable store) {
        List<String> ids = readOnce.unread(event.transactionKey(), contactIds);
        if (ids.isEmpty()) {
            tx.inTransaction(() -> {
                store.run();
                return null;
            });
            return;
        }
        List<InboundContact> read = readAll(ids, reader::contactsById);
        if (read != null) {
            if (event.isDelete()) {
                // A record purged from the recycle bin is no longer readable; its deletion still counts.
                List<String> found = read.stream().map(InboundContact::externalId).toList();
                ids.stream().filter(id -> !found.contains(id)).forEach(id -> read.add(
                        new InboundContact(ContactRecords.SYSTEM, id, null, null, null, null, null, true,
                                Instant.ofEpochMilli(event.commitTimestamp()), Map.of())));
            }
            inbound.contacts(read, null, store);
        }
    }

    private void takeOrders(Exchange exchange) {
        ChangeEvent event = ChangeEvent.of(exchange.getIn().getBody(GenericRecord.class));
        byte[] replay = replayId(exchange);
        Runnable store = () -> sources.replayId(ContactRecords.SYSTEM, IncrementalPoll.ORDER, replay);
        if (skip(IncrementalPoll.ORDER, event, echoes, store)) {
            return;
        }
        List<InboundOrder> read = readAll(event.recordIds(), reader::ordersById);
        if (read != null) {
            inbound.orders(read, null, store);
        }
    }

    private boolean skip(String object, ChangeEvent event, EchoFilter echoes, Runnable storeReplayId) {
        // A stopped stream takes nothing in; once lifted, the poll reads from its cursor, which covers these events.
        boolean stopped = stops.stopped(object);
        if (stopped || event.isOverflow() || echoes.isEcho(event)) {
            tx.inTransaction(() -> {
                storeReplayId.run();
                return null;
            });
            if (event.isOverflow() && !stopped) {
                catchUp.run();
            }
            return true;
        }
        return false;
    }

    /** The records read again, or null when Salesforce would not answer (then a catch-up covers them). */
    private <T> List<T> readAll(List<String> recordIds, Function<List<String>, List<T>> read) {
        List<String> ids = recordIds.stream().filter(Soql::isId).toList();
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
                    LOG.warn("Salesforce change event not read ({}); a catch-up poll will cover it",
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

    private static byte[] replayId(Exchange exchange) {
        String replay = exchange.getIn().getHeader(SalesforceConstants.HEADER_SALESFORCE_PUBSUB_REPLAY_ID, String.class);
        return replay == null ? null : Base64.getDecoder().decode(replay);
    }
}
