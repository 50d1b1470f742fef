package io.loyaltybridge.domain;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Worker threads for work split over the cores (the what-if's pages, a job's member batches), and their results. */
public final class Workers {
    private Workers() {
    }

    /** {@code threads} daemon threads named {@code name-1}, {@code name-2}...: they never keep the JVM alive. */
    public static ExecutorService pool(String name, int threads) {
        AtomicInteger next = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, name + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The task's result; its own exception when it failed (unchecked ones as they were thrown). */
    public static <T> T await(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
