package io.loyaltybridge.bench;

import io.loyaltybridge.app.Application;

import java.util.function.Supplier;

/** The app started on a seeded CRM and timed until its first sync is done and pushed, with the heap's peak. */
record Backfilled(Application app, BenchResult.Backfill backfill) {

    /** The CRM's call counters are reset first, so its writes afterwards are the backfill's. */
    static Backfilled measure(BenchCrm crm, Supplier<Application> starter) {
        long orders = crm.orders();
        crm.resetCalls();
        Application app = null;
        try (HeapPeak heap = new HeapPeak()) {
            long start = System.nanoTime();
            app = starter.get();
            BenchApp.awaitBackfilled(app.core(), crm);
            long nanos = System.nanoTime() - start;
            return new Backfilled(app, new BenchResult.Backfill(crm.contacts().size(), orders, nanos,
                    heap.sumOfPoolPeaks(), heap.liveAfterGc(), HeapPeak.max()));
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            throw e;
        }
    }
}
