package io.loyaltybridge.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a batch of orders is settled on, one part each ({@code loyalty.settle.partitions}). One pool for the
 * process: CRM batches settle one at a time (the ingest lock), so a batch never waits for another's lanes.
 */
public final class SettleLanes {
    /** One lane: every batch settles on its caller's thread, in its caller's transaction. */
    public static final SettleLanes ONE = new SettleLanes(1);

    private final int lanes;
    private volatile ExecutorService pool;

    public SettleLanes(int lanes) {
        this.lanes = Math.max(1, lanes);
    }

    public int count() {
        return lanes;
    }

    /**
     * Runs every part, each on a lane of its own, and returns once all of them ended, failed or not: the caller
     * must not go on (fall back, roll back, retry) while a part still holds its locks. A retriable failure is
     * thrown first (the whole batch is run again); otherwise the first failure.
     */
    void runAll(List<Runnable> parts) {
        List<Future<?>> running = new ArrayList<>();
        parts.forEach(part -> running.add(pool().submit(part)));
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<?> part : running) {
            while (true) {
                try {
                    part.get();
                    break;
                } catch (InterruptedException e) {
                    // Parts are bounded database work: wait them out, then pass the interrupt on.
                    interrupted = true;
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a settlement lane failed", e.getCause());
                    if (failure == null || Failures.classify(cause) == ErrorClass.RETRIABLE
                            && Failures.classify(failure) != ErrorClass.RETRIABLE) {
                        failure = cause;
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ExecutorService pool() {
        ExecutorService current = pool;
        if (current == null) {
            synchronized (this) {
                if (pool == null) {
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(lanes, work -> {
                        Thread thread = new Thread(work, "settle-lane-" + n.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = pool;
            }
        }
        return current;
    }
}
