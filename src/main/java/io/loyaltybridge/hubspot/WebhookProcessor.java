package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Applies events taken from the webhook inbox (see {@link WebhookDrain}). Privacy deletions erase the member's
 * personal data; deleted and merged-away contacts stop being synced; every other touched contact or order is read
 * again and taken in like a search result, so events arriving late or out of order only ever apply the newest state
 * (the ingest skips anything not newer than what it has seen). A failure is thrown to the caller, which keeps the
 * events for a retry: they are not lost.
 */
public final class WebhookProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

    private final HubSpotOptions options;
    private final HubSpotReads reads;
    private final ContactIngest contacts;
    private final OrderIngest orders;
    private final Erasure erasure;
    private final Lock ingestLock;
    private final EchoFilter echoes;
    private final Transactions tx;

    WebhookProcessor(HubSpotOptions options, HubSpotReads reads, ContactIngest contacts, OrderIngest orders,
                     Transactions tx, EchoFilter echoes, Lock ingestLock) {
        this.echoes = echoes;
        this.options = options;
        this.reads = reads;
        this.contacts = contacts;
        this.orders = orders;
        this.erasure = new Erasure(tx);
        this.ingestLock = ingestLock;
        this.tx = tx;
    }

    /**
     * A privacy deletion, with {@code alsoInTransaction} (marking it applied) in the same transaction: no HubSpot
     * call is needed, so it goes through when HubSpot cannot be reached or our API budget is spent.
     */
    void erase(String contactId, Runnable alsoInTransaction) {
        ingestLock.lock();
        try {
            erasure.erase(contactId, alsoInTransaction);
        } finally {
            ingestLock.unlock();
        }
    }

    /** A batch's records as HubSpot shows them now: read before, and apart from, the batch's settlement. */
    record Read(WebhookEvents todo, List<InboundContact> reread, List<InboundOrder> orders, int events) {
    }

    /**
     * Applies the events together (any order): the touched records are read with batch reads (100 ids a call, per
     * object type), then settled in one transaction with one contact ingest and one order ingest, together with
     * {@code alsoInTransaction} (marking the events applied). Throws when they could not all be applied.
     */
    void apply(List<JsonNode> events, Runnable alsoInTransaction) {
        settle(read(events), alsoInTransaction);
    }

    /** The HubSpot half of {@link #apply}: reads the records the events touch. */
    Read read(List<JsonNode> events) {
        WebhookEvents todo = WebhookEvents.sort(events, options.fieldMap(), options.appId(),
                options.deals() ? "0-3" : "0-123");
        if (todo.misshapen > 0) {
            LOG.warn("HubSpot webhook: {} of {} events skipped: not events HubSpot sends (no type, time or record id)",
                    todo.misshapen, events.size());
        }
        var reread = reads.contacts(new ArrayList<>(todo.reread)).stream().map(echoes::withoutEcho).toList();
        List<InboundOrder> touchedOrders = new ArrayList<>(reads.orders(new ArrayList<>(todo.orders), false));
        // Deleted orders are only found by an archived read: a second call, for those alone.
        touchedOrders.addAll(reads.orders(new ArrayList<>(todo.deletedOrders), true));
        return new Read(todo, reread, touchedOrders, events.size());
    }

    /** The database half of {@link #apply}: settles what {@link #read} found, in one transaction. */
    void settle(Read read, Runnable alsoInTransaction) {
        WebhookEvents todo = read.todo();
        ingestLock.lock();
        try {
            tx.inTransaction(() -> {
                todo.erase.forEach(id -> erasure.erase(id, () -> { }));
                List<InboundContact> people = new ArrayList<>();
                todo.gone.forEach((id, at) -> people.add(ContactMapper.gone(id, at)));
                // gone and reread never share a contact (WebhookEvents keeps each in one of them)
                people.addAll(erasure.keepNotErased(read.reread()));
                contacts.apply(people, null);
                orders.apply(read.orders(), null);
                alsoInTransaction.run();
                return null;
            });
        } finally {
            ingestLock.unlock();
        }
        LOG.debug("HubSpot webhook: {} events: {} contacts read again, {} gone, {} erased, {} orders, {} echoes"
                + " ignored", read.events(), read.reread().size(), todo.gone.size(), todo.erase.size(),
                read.orders().size(), todo.echoes);
    }
}
