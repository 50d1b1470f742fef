package io.loyaltybridge.hubspot;

import io.loyaltybridge.sync.LogSafe;
import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.OutboxPusher;
import io.loyaltybridge.sync.SourceCursor;
import io.loyaltybridge.sync.SyncStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;

/**
 * One sync cycle, run by the route hubspot-sync: provision the properties (until that has worked once), read the
 * contacts then the orders changed since the cursor (minus the lookback), then drain the outbox. Reading before
 * pushing lets one cycle's changes go out in as few batch calls as possible. A failing cycle is logged and counted
 * on its stream; the next one starts again from the stored cursor.
 */
public final class HubSpotSync {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotSync.class);
    private static final int MAX_PUSH_ROUNDS = 10_000;

    private final HubSpotOptions options;
    private final PropertyProvisioner provisioner;
    private final IncrementalSearch contactSearch;
    private final IncrementalSearch orderSearch;
    private final HubSpotReads reads;
    private final ContactMapper contacts;
    private final ContactIngest contactIngest;
    private final OrderIngest orderIngest;
    private final OutboxPusher pusher;
    private final HubSpotWriter writer;
    private final SyncStores stores;
    private final Transactions tx;
    private final EchoFilter echoes;
    private final Lock ingestLock;
    private final Erasure erasure;
    private final io.loyaltybridge.store.PgOrderBatchLookups lookups;
    private volatile boolean provisioned;
    private int taken;
    private String lastDailyWarning;

    private final HubSpotAccount account;

    HubSpotSync(HubSpotOptions options, HubSpotClient client, HubSpotAccount account, PropertyProvisioner provisioner,
                HubSpotReads reads,
                ContactMapper contacts, OrderMapper orders, ContactIngest contactIngest, OrderIngest orderIngest,
                OutboxPusher pusher, HubSpotWriter writer, SyncStores stores, Transactions tx, EchoFilter echoes,
                Lock ingestLock, Progress.Board progress) {
        this.options = options;
        this.account = account;
        this.provisioner = provisioner;
        this.contactSearch = new IncrementalSearch(client, "contacts", ContactMapper.MODIFIED, contacts.properties(),
                options.pageSize(), progress);
        this.orderSearch = new IncrementalSearch(client, options.orderObject(), OrderMapper.MODIFIED,
                orders.properties(), options.pageSize(), progress);
        this.reads = reads;
        this.contacts = contacts;
        this.contactIngest = contactIngest;
        this.orderIngest = orderIngest;
        this.pusher = pusher;
        this.writer = writer;
        this.stores = stores;
        this.tx = tx;
        this.echoes = echoes;
        this.ingestLock = ingestLock;
        this.erasure = new Erasure(tx);
        this.lookups = new io.loyaltybridge.store.PgOrderBatchLookups(tx);
    }

    /** One cycle; never throws, so the schedule keeps running. */
    public void cycle() {
        String stage = "account";
        try {
            account.load();
            stage = "provisioning";
            if (!provisioned) {
                provisioner.provision();
                provisioned = true;
                provisioningRecovered();
            }
            stage = "contacts";
            long started = System.nanoTime();
            taken = 0;
            read("contacts", contactSearch, this::contactPage);
            stage = options.orderObject();
            read(options.orderObject(), orderSearch, this::orderPage);
            stage = "push";
            int calls = push();
            if (taken > 0 || calls > 0) {
                LOG.info("HubSpot sync: {} records taken in, {} batch updates, in {} ms", taken, calls,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RateLimiter.DailyBudgetSpent e) {
            // Every cycle until midnight ends here without a call; say so once, not every few seconds.
            if (!e.getMessage().equals(lastDailyWarning)) {
                LOG.warn("HubSpot sync paused: {}", e.getMessage());
                lastDailyWarning = e.getMessage();
            }
        } catch (RuntimeException e) {
            LOG.warn("HubSpot sync stopped at {}: {}", stage, LogSafe.describe(e));
            LOG.debug("HubSpot sync failure in full", e);
            String where = stage;
            tx.inTransaction(() -> {
                stores.sources().failed(ContactMapper.SYSTEM, where, e.getMessage());
                return null;
            });
        }
    }

    /**
     * A provisioning failure is counted on a "provisioning" row; once provisioning works, that row shows the success
     * too, so the status page does not show it failing for ever. No row is made when it never failed.
     */
    private void provisioningRecovered() {
        tx.inTransaction(() -> {
            if (stores.sources().get(ContactMapper.SYSTEM, "provisioning").isPresent()) {
                stores.sources().checked(ContactMapper.SYSTEM, "provisioning");
            }
            return null;
        });
    }

    /** Drains the outbox: one batch call per 100 changed contacts. */
    public int push() {
        int calls = 0;
        for (int round = 0; round < MAX_PUSH_ROUNDS; round++) {
            OutboxPusher.Round r = pusher.pushOnce(writer, options.fieldMap());
            calls += r.calls();
            if (r.members() == 0) {
                break;
            }
        }
        return calls;
    }

    FieldMap fieldMap() {
        return options.fieldMap();
    }

    /**
     * Reads one object changed since its cursor (minus the lookback) and counts the calls it took on its stream.
     * Until the object has been read whole once (a first sync, perhaps cut short and resumed from its cursor) the
     * read is the first sync: it shows progress, and reaching the end marks the stream backfilled.
     */
    private void read(String object, IncrementalSearch search, BiConsumer<List<JsonNode>, Instant> page) {
        Optional<PgSyncSources.Source> source = tx.read(() -> stores.sources().get(ContactMapper.SYSTEM, object));
        Instant since = source.map(PgSyncSources.Source::watermark).map(w -> w.minusSeconds(options.lookbackSeconds()))
                .orElse(null);
        boolean firstSync = !source.map(PgSyncSources.Source::backfillDone).orElse(false);
        long before = HubSpotClient.sentByThisThread();
        try {
            search.readSince(since, firstSync, page);
        } finally {
            long calls = HubSpotClient.sentByThisThread() - before;
            if (calls > 0) {
                tx.inTransaction(() -> {
                    stores.sources().reads(ContactMapper.SYSTEM, object, calls);
                    return null;
                });
            }
        }
        tx.inTransaction(() -> {
            stores.sources().checked(ContactMapper.SYSTEM, object);
            if (firstSync) {
                stores.sources().backfillDone(ContactMapper.SYSTEM, object);
            }
            return null;
        });
    }

    private void contactPage(List<JsonNode> records, Instant last) {
        List<InboundContact> read = records.stream().map(contacts::contact).map(echoes::withoutEcho).toList();
        locked(() -> {
            List<InboundContact> batch = erasure.keepNotErased(read);
            taken += contactIngest.apply(batch, new SourceCursor(ContactMapper.SYSTEM, "contacts", last)).taken();
        });
    }

    private void orderPage(List<JsonNode> records, Instant last) {
        var batch = reads.ordersOf(notTakenBefore(records));
        locked(() -> taken += orderIngest.apply(batch, new SourceCursor(ContactMapper.SYSTEM, options.orderObject(),
                last)).taken());
    }

    /**
     * The orders not already taken in at this version: records read again through the lookback are dropped here,
     * before their contacts and line items are read (one lookup for the page instead of association calls).
     */
    private List<JsonNode> notTakenBefore(List<JsonNode> records) {
        List<String> ids = records.stream().map(r -> r.path("id").asText()).toList();
        java.util.Map<String, Instant> held = tx.read(() -> lookups.sourceModifiedAt(ContactMapper.SYSTEM, ids));
        return records.stream().filter(r -> {
            Instant version = ContactMapper.modified(r, OrderMapper.MODIFIED);
            Instant taken = held.get(r.path("id").asText());
            return taken == null || version == null || version.isAfter(taken);
        }).toList();
    }

    private void locked(Runnable work) {
        ingestLock.lock();
        try {
            work.run();
        } finally {
            ingestLock.unlock();
        }
    }
}
