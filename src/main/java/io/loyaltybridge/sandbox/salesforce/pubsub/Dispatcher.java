package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.grpc.Status;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds every open stream from one thread: woken when events are committed or a client asks for more, and once a
 * second for keep-alives. One thread keeps each stream's responses in order without further locking.
 */
final class Dispatcher implements AutoCloseable {
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sf-sandbox-pubsub");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final EventLog log;
    private final long keepAliveNanos;

    Dispatcher(EventLog log, Duration keepAlive) {
        this.log = log;
        this.keepAliveNanos = keepAlive.toNanos();
        long tick = Math.max(50, Math.min(1000, keepAlive.toMillis() / 2));
        thread.scheduleWithFixedDelay(this::deliverAll, tick, tick, TimeUnit.MILLISECONDS);
    }

    void add(Subscription s) {
        subscriptions.add(s);
    }

    void remove(Subscription s) {
        if (s != null) {
            subscriptions.remove(s);
        }
    }

    void wake() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                deliverAll();
            });
        }
    }

    /** The fault "drop all streams": clients see UNAVAILABLE, as after a connection reset. */
    void dropAll() {
        for (Subscription s : subscriptions) {
            subscriptions.remove(s);
            s.fail(Status.UNAVAILABLE.withDescription("Connection reset by peer").asRuntimeException());
        }
    }

    int open() {
        return subscriptions.size();
    }

    private void deliverAll() {
        for (Subscription s : subscriptions) {
            try {
                if (!s.deliver(log, keepAliveNanos)) {
                    subscriptions.remove(s);
                }
            } catch (RuntimeException e) {
                subscriptions.remove(s);
            }
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::complete);
        thread.shutdownNow();
    }
}
