package io.loyaltybridge.hubspot;

import io.loyaltybridge.sync.LogSafe;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.OrderIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The asynchronous half of the webhook (route hubspot-webhook-process): applies one delivery's events. Privacy
 * deletions erase the member's personal data; deleted and merged-away contacts stop being synced; every other
 * touched contact or order is read again and taken in like a search result, so events arriving late or out of
 * order only ever apply the newest state (the ingest skips anything not newer than what it has seen).
 */
public final class WebhookProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

    private final HubSpotOptions options;
    private final HubSpotReads reads;
    private final ContactIngest contacts;
    private final OrderIngest orders;
    private final Transactions tx;
    private final Erasure erasure;
    private final Lock ingestLock;
    private final EchoFilter echoes;

    WebhookProcessor(HubSpotOptions options, HubSpotReads reads, ContactIngest contacts, OrderIngest orders,
                     Transactions tx, EchoFilter echoes, Lock ingestLock) {
        this.echoes = echoes;
        this.options = options;
        this.reads = reads;
        this.contacts = contacts;
        this.orders = orders;
        this.tx = tx;
        this.erasure = new Erasure(tx);
        this.ingestLock = ingestLock;
    }

    public void process(List<JsonNode> events) {
        WebhookEvents todo = WebhookEvents.sort(events, options.fieldMap(), options.appId(),
                options.deals() ? "0-3" : "0-123");
        if (todo.misshapen > 0) {
            LOG.warn("HubSpot webhook: {} of {} events skipped: not events HubSpot sends (no type, time or record id)",
                    todo.misshapen, events.size());
        }
        try {
            var reread = reads.contacts(new ArrayList<>(todo.reread)).stream().map(echoes::withoutEcho).toList();
            var changedOrders = reads.orders(new ArrayList<>(todo.orders), false);
            var deletedOrders = reads.orders(new ArrayList<>(todo.deletedOrders), true);
            ingestLock.lock();
            try {
                todo.erase.forEach(erasure::erase);
                List<InboundContact> gone = new ArrayList<>();
                todo.gone.forEach((id, at) -> gone.add(ContactMapper.gone(id, at)));
                contacts.apply(gone, null);
                contacts.apply(erasure.keepNotErased(reread), null);
                orders.apply(changedOrders, null);
                orders.apply(deletedOrders, null);
            } finally {
                ingestLock.unlock();
            }
            LOG.debug("HubSpot webhook: {} events: {} contacts read again, {} gone, {} erased, {} orders, {} echoes"
                    + " ignored", events.size(), reread.size(), todo.gone.size(), todo.erase.size(),
                    changedOrders.size() + deletedOrders.size(), todo.echoes);
        } catch (RuntimeException e) {
            // Already answered 200: the next search cycle picks up creations and changes; log what was lost.
            LOG.warn("HubSpot webhook delivery of {} events failed: {}", events.size(), LogSafe.describe(e));
            LOG.debug("HubSpot webhook failure in full", e);
        }
    }
}
