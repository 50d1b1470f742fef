package io.loyaltybridge.salesforce;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.store.PgBackfillStaging;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.SourceCursor;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The orders of a backfill, without asking Bulk to sort anything (ORDER BY can stop PK chunking and time out on a
 * large org). Both query jobs start at once; the items are staged in PostgreSQL with COPY as their pages stream in;
 * then the orders stream, and each batch of them gets its items with one indexed lookup by OrderId. A reader thread
 * downloads and joins the next batch while the caller settles the previous one, so the two cores share the work;
 * batches are settled in the order read. The item job and its staging start before the contacts are read
 * ({@link #stageEarly}), so they overlap the contacts' settlement. Memory holds a few batches, whatever the org's
 * size; the staged rows go when the run ends, and a run that never got there has them deleted when the next one
 * begins.
 */
final class OrderBackfill {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderBackfill.class);
    /** Batches read ahead of the one being settled: enough to keep the reader busy, few enough to bound memory. */
    static final int READ_AHEAD = 2;

    private final BulkJobs jobs;
    private final Transactions tx;
    private final PgBackfillStaging staging;
    private final Inbound inbound;
    private final OrderRecords orders;
    private final int batchSize;
    private final Progress.Board board;

    OrderBackfill(BulkJobs jobs, Transactions tx, Inbound inbound, OrderRecords orders, int batchSize,
                  Progress.Board board) {
        this.jobs = jobs;
        this.tx = tx;
        this.staging = new PgBackfillStaging(tx);
        this.inbound = inbound;
        this.orders = orders;
        this.batchSize = batchSize;
        this.board = board;
    }

    /** Both query jobs and the staging run; the items are staged on a thread of their own. */
    private final class Early {
        final QueryJob orderJob;
        final long run;
        final CompletableFuture<Void> staged = new CompletableFuture<>();
        volatile boolean cancelled;

        Early(QueryJob itemJob, QueryJob orderJob, long run) {
            this.orderJob = orderJob;
            this.run = run;
            Thread thread = new Thread(() -> {
                try {
                    stage(run, jobs.await(itemJob), () -> cancelled);
                    staged.complete(null);
                } catch (RuntimeException | Error e) {
                    staged.completeExceptionally(e);
                }
            }, "salesforce-backfill-items");
            thread.setDaemon(true);
            thread.start();
        }

        void awaitStaged() {
            try {
                staged.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** Staging begun ahead of {@link #run}, while the contacts are read; null when none is running. */
    private Early early;

    /**
     * Starts both query jobs and stages the items on a thread of their own, so that downloading and copying two
     * items per order runs on the other core while the contacts settle, instead of after them. {@link #run} takes
     * it over; {@link #discardEarly} ends it when the orders are not read after all.
     */
    void stageEarly() {
        if (early != null) {
            return;
        }
        QueryJob itemJob = jobs.start(OrderRecords.items());
        QueryJob orderJob = jobs.start(orders.select(false));
        early = new Early(itemJob, orderJob, tx.inTransaction(() -> staging.begin(ContactRecords.SYSTEM)));
    }

    /** Ends staging begun early that no run took over (the order stream was stopped or its read not reached). */
    void discardEarly() {
        Early left = early;
        early = null;
        if (left == null) {
            return;
        }
        left.cancelled = true;
        try {
            left.awaitStaged();
        } catch (RuntimeException e) {
            LOG.debug("order items staged early, discarded: {}", e.toString());
        }
        end(left.run, null);
    }

    /** Reads and takes in every order with its items; {@code markDone} runs in the transaction that ends the run. */
    void run(Runnable markDone) {
        stageEarly();
        Early started = early;
        early = null;
        RuntimeException failure = null;
        try {
            started.awaitStaged();
            settle(started.run, jobs.await(started.orderJob), markDone);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            started.cancelled = true; // a settle failing before the items were all staged stops their copy
            if (failure != null) {
                try {
                    started.staged.handle((ok, e) -> null).join();
                } catch (RuntimeException ignored) {
                    // the staging's own failure is reported by the run's
                }
            }
            end(started.run, failure);
        }
    }

    private void end(long run, RuntimeException failure) {
        try {
            tx.inTransaction(() -> {
                staging.end(run);
                return null;
            });
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e); // the run's own failure says more; the next run deletes these rows
        }
    }

    private void stage(long run, BulkRows rows, BooleanSupplier cancelled) {
        try (rows) {
            Progress progress = board.start("Salesforce backfill: order items", rows.total());
            Iterator<PgBackfillStaging.Line> lines = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.peek() != null;
                }

                @Override
                public PgBackfillStaging.Line next() {
                    return OrderRecords.staged(Row.of(rows.next()));
                }
            };
            try {
                while (lines.hasNext() && !cancelled.getAsBoolean()) {
                    progress.advance(tx.inTransaction(() -> staging.copy(run, lines, jobs.pageSize())));
                }
            } catch (RuntimeException e) {
                progress.stop();
                throw e;
            }
            progress.finish();
        }
    }

    private void settle(long run, BulkRows rows, Runnable markDone) {
        try (rows) {
            Progress progress = board.start("Salesforce backfill: orders", rows.total());
            try (HandOff<Batch> batches = HandOff.start("salesforce-backfill-reader", READ_AHEAD,
                    out -> read(run, rows, out))) {
                for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                    inbound.orders(batch.orders(), batch.cursor(), () -> { });
                    progress.advance(batch.orders().size());
                }
                inbound.orders(List.of(), null, markDone);
            } catch (RuntimeException e) {
                progress.stop();
                throw e;
            }
            progress.finish();
        }
    }

    /** The reader thread's work: the order rows in batches, each joined with its staged items. */
    private void read(long run, BulkRows rows, Consumer<Batch> out) {
        List<Row> chunk = new ArrayList<>(batchSize);
        for (Map<String, String> row = rows.next(); row != null; row = rows.next()) {
            chunk.add(Row.of(row));
            if (chunk.size() >= batchSize) {
                out.accept(joined(run, chunk));
                chunk = new ArrayList<>(batchSize);
            }
        }
        if (!chunk.isEmpty()) {
            out.accept(joined(run, chunk));
        }
    }

    private Batch joined(long run, List<Row> chunk) {
        Map<String, List<PgBackfillStaging.Line>> items = tx.read(() -> staging.linesOf(run,
                chunk.stream().map(row -> row.get("Id")).toList()));
        List<InboundOrder> mapped = new ArrayList<>(chunk.size());
        Instant newest = null;
        for (Row row : chunk) {
            mapped.add(orders.map(row, items.getOrDefault(row.get("Id"), List.of()).stream()
                    .map(OrderRecords::row).toList()));
            Instant stamp = Values.instant(row.get("SystemModstamp"));
            if (stamp != null && (newest == null || stamp.isAfter(newest))) {
                newest = stamp;
            }
        }
        return new Batch(mapped, newest == null ? null
                : new SourceCursor(ContactRecords.SYSTEM, IncrementalPoll.ORDER, newest));
    }

    /** One transaction's orders and the newest SystemModstamp among them (the stream's cursor). */
    private record Batch(List<InboundOrder> orders, SourceCursor cursor) {
    }
}
