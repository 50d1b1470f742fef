package io.loyaltybridge.salesforce;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.SourceCursor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A new org's first read, with Bulk API 2.0 query jobs: contacts, then orders. Bulk queries take no child
 * subqueries, so orders and their items are two jobs, joined in PostgreSQL ({@link OrderBackfill}). Both objects are
 * read on a reader thread a few batches ahead of the one being settled ({@link HandOff}). Records commit
 * in batches with the cursor at the newest SystemModstamp seen, and the object is marked backfilled in
 * {@code sync_sources} at the end; a backfill cut short runs again (what it already took in is skipped by
 * SystemModstamp).
 */
final class Backfill {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Backfill.class);

    private final BulkJobs jobs;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final Inbound inbound;
    private final ContactRecords contacts;
    private final OrderBackfill orderBackfill;
    private final int batchSize;
    private final boolean enabled;
    private final Progress.Board board;

    Backfill(BulkJobs jobs, Transactions tx, PgSyncSources sources, Inbound inbound, ContactRecords contacts,
             OrderRecords orders, int batchSize, boolean enabled, Progress.Board board) {
        this.board = board;
        this.jobs = jobs;
        this.tx = tx;
        this.sources = sources;
        this.inbound = inbound;
        this.contacts = contacts;
        this.orderBackfill = new OrderBackfill(jobs, tx, inbound, orders, batchSize, board);
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    boolean pending() {
        return enabled && (!done(IncrementalPoll.CONTACT) || !done(IncrementalPoll.ORDER));
    }

    void contactsIfNeeded() {
        if (!enabled || done(IncrementalPoll.CONTACT)) {
            return;
        }
        try (BulkRows rows = jobs.run(contacts.select())) {
            Progress progress = board.start("Salesforce backfill: contacts", rows.total());
            // as for orders: the next batch is downloaded and mapped on the reader thread while this one settles
            try (HandOff<Batch<InboundContact>> batches = HandOff.start("salesforce-backfill-reader",
                    OrderBackfill.READ_AHEAD, out -> read(rows, out))) {
                for (Batch<InboundContact> batch = batches.next(); batch != null; batch = batches.next()) {
                    inbound.contacts(batch.items, batch.cursor(IncrementalPoll.CONTACT), () -> { });
                    progress.advance(batch.size());
                }
                inbound.contacts(List.of(), null, () -> markDone(IncrementalPoll.CONTACT));
            } catch (RuntimeException e) {
                progress.stop();
                throw e;
            }
            progress.finish();
        }
    }

    private void read(BulkRows rows, Consumer<Batch<InboundContact>> out) {
        Batch<InboundContact> batch = new Batch<>();
        for (Map<String, String> row = rows.next(); row != null; row = rows.next()) {
            batch.add(contacts.map(Row.of(row)), Values.instant(row.get("SystemModstamp")));
            if (batch.size() >= batchSize) {
                out.accept(batch);
                batch = new Batch<>();
            }
        }
        if (batch.size() > 0) {
            out.accept(batch);
        }
    }

    /**
     * Starts the orders' item job and its staging before the contacts are read, when the orders are still to be
     * backfilled: staging runs on its own thread beside the contacts. A failure to start leaves it to
     * {@link #ordersIfNeeded}, which starts it again and reports.
     */
    void stageOrdersEarlyIfNeeded() {
        if (!enabled || done(IncrementalPoll.ORDER)) {
            return;
        }
        try {
            orderBackfill.stageEarly();
        } catch (RuntimeException e) {
            LOG.debug("order items not staged early: {}", e.toString());
        }
    }

    /** Ends early staging that the orders' backfill did not take over (their read was stopped or not reached). */
    void discardEarlyStaging() {
        orderBackfill.discardEarly();
    }

    void ordersIfNeeded() {
        if (!enabled || done(IncrementalPoll.ORDER)) {
            return;
        }
        orderBackfill.run(() -> markDone(IncrementalPoll.ORDER));
    }

    private boolean done(String object) {
        return tx.read(() -> sources.get(ContactRecords.SYSTEM, object)).map(PgSyncSources.Source::backfillDone)
                .orElse(false);
    }

    private void markDone(String object) {
        sources.backfillDone(ContactRecords.SYSTEM, object);
    }

    /** Records of one transaction and the newest SystemModstamp among them. */
    private static final class Batch<T> {
        final List<T> items = new ArrayList<>();
        Instant newest;

        void add(T item, Instant stamp) {
            items.add(item);
            if (stamp != null && (newest == null || stamp.isAfter(newest))) {
                newest = stamp;
            }
        }

        int size() {
            return items.size();
        }

        SourceCursor cursor(String object) {
            return newest == null ? null : new SourceCursor(ContactRecords.SYSTEM, object, newest);
        }
    }
}
