package io.loyaltybridge.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/** A lock held by another thread (as an inbound batch holds the ingest lock) until {@link #close}. */
public final class HeldLock implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread holder;

    /** Returns once {@code lock} is held by a thread named {@code holderName}. */
    public HeldLock(Lock lock, String holderName) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }, holderName);
        holder.start();
        if (!held.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError(holderName + " did not get the lock within 5 s");
        }
    }

    /** True while the holder has not let go (it lets go at {@link #close}, or after 30 s at the latest). */
    public boolean stillHeld() {
        return holder.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        holder.join();
    }
}
