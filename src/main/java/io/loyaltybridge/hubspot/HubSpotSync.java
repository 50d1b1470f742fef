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
 * One sync cycle, run by the route hubspot-sync: provision the properties (until that has worked once), then read
 * the contacts then the orders changed since the cursor (minus the lookback). The push is not part of it: it runs on
 * its own route (hubspot-push, {@link HubSpotPush}), which asks {@link #provisioned()}, {@link #firstSync()} and
 * {@link #reading()}. A failing cycle is logged and counted on its stream; the next one starts again from the
 * stored cursor.
 */
public final class HubSpotSync {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotSync.class);

    private final HubSpotOptions options;
    private final PropertyProvisioner provisioner;
    private final IncrementalSearch contactSearch;
    private final IncrementalSearch orderSearch;
    private final HubSpotReads reads;
    private final ContactMapper contacts;
    private final ContactIngest contactIngest;
    private final OrderIngest orderIngest;
    private final SyncStores stores;
    private final Transactions tx;
    private final EchoFilter echoes;
    private final Lock ingestLock;
    private final Erasure erasure;
    private final io.loyaltybridge.store.PgOrderBatchLookups lookups;
    private volatile boolean provisioned;
    private volatile boolean reading;
    /** This cycle took in a change (a contact or an order): its members' later orders may follow in this cycle. */
    private volatile boolean changesTaken;
    private volatile boolean firstSync;
    private int taken;
    private String lastDailyWarning;

    private final HubSpotAccount account;

    HubSpotSync(HubSpotOptions options, HubSpotClient client, HubSpotAccount account, PropertyProvisioner provisioner,
                HubSpotReads reads,
                ContactMapper contacts, OrderMapper orders, ContactIngest contactIngest, OrderIngest orderIngest,
                SyncStores stores, Transactions tx, EchoFilter echoes,
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
            changesTaken = false;
            reading = true;
            read("contacts", contactSearch, this::contactPage);
            stage = options.orderObject();
            read(options.orderObject(), orderSearch, this::orderPage);
            if (taken > 0) {
                LOG.info("HubSpot sync: {} records taken in, in {} ms", taken,
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
        } finally {
            reading = false;
            firstSync = false;
        }
    }

    /** The loyalty properties exist: before that, a batch update would be refused. */
    boolean provisioned() {
        return provisioned;
    }

    /**
     * A first sync is reading: every contact comes before every order, so a push now would write each member
     * twice (once without its points); the push waits for the cycle's end.
     */
    boolean firstSync() {
        return firstSync;
    }

    /**
     * A cycle is reading after it took in a change: a member's further orders may well follow a moment later. A
     * cycle that took in nothing does not hold the push: with webhooks on, the cycle mostly finds what they took in
     * already (and contacts changed only by our own writes), and holding would delay every member they marked.
     */
    boolean reading() {
        return reading && changesTaken;
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
        this.firstSync |= firstSync;
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
            takingChanges(() -> contactIngest.apply(batch, new SourceCursor(ContactMapper.SYSTEM, "contacts", last))
                    .taken());
        });
    }

    private void orderPage(List<JsonNode> records, Instant last) {
        var batch = reads.ordersOf(notTakenBefore(records));
        locked(() -> takingChanges(() -> orderIngest.apply(batch, new SourceCursor(ContactMapper.SYSTEM,
                options.orderObject(), last)).taken()));
    }

    /**
     * Applies a page with the push held from before it commits: a member it marks must not be pushed in the moment
     * between its commit and the flag (an order read later in the cycle would then cost a second write). A page
     * that changed nothing leaves the hold as it was.
     */
    private void takingChanges(java.util.function.IntSupplier page) {
        boolean before = changesTaken;
        changesTaken = true;
        int changed = 0;
        try {
            changed = page.getAsInt();
        } finally {
            taken += changed;
            changesTaken = before || changed > 0;
        }
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
