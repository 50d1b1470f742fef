package io.loyaltybridge.salesforce;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A producer on a thread of its own hands items to the caller through a bounded queue, in the order produced: the
 * next page is read while the caller settles the previous one, on the other core, and at most {@code capacity}
 * pages wait in memory. A producer failure is rethrown by {@link #next} as it was thrown, after the items produced
 * before it (its type tells a permanent refusal, which stops the stream, from a passing one). {@link #close} stops
 * the producer at its next hand-off; it is never interrupted, as an interrupt inside an HTTP or JDBC call would
 * break the connection, not just the call.
 */
final class HandOff<T> implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Object END = new Object();

    private record Failure(RuntimeException error) {
    }

    /** Thrown into the producer once the consumer closed the hand-off: it just unwinds. */
    static final class Closed extends RuntimeException {
        Closed() {
            super("the consumer stopped", null, false, false);
        }
    }

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private volatile boolean closed;

    private HandOff(int capacity, String name, Consumer<Consumer<T>> body) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.producer = new Thread(() -> run(body), name);
        this.producer.setDaemon(true);
    }

    /** Starts {@code body} on a new thread; it hands each item to the consumer it is given. */
    static <T> HandOff<T> start(String name, int capacity, Consumer<Consumer<T>> body) {
        HandOff<T> handOff = new HandOff<>(capacity, name, body);
        handOff.producer.start();
        return handOff;
    }

    /** The next item in production order, waiting for it; null once the producer finished. */
    @SuppressWarnings("unchecked")
    T next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next page", e);
        }
        if (item == END) {
            queue.offer(END); // later calls see the end too
            return null;
        }
        if (item instanceof Failure failure) {
            queue.offer(failure);
            throw failure.error();
        }
        return (T) item;
    }

    private void run(Consumer<Consumer<T>> body) {
        Object last = END;
        try {
            body.accept(this::put);
        } catch (Closed stopped) {
            return;
        } catch (RuntimeException e) {
            last = new Failure(e);
        } catch (Error e) {
            last = new Failure(new IllegalStateException(e));
        }
        try {
            put(last);
        } catch (Closed stopped) {
            // the consumer is gone: nobody waits for the end
        }
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Closed();
                }
            }
            if (closed) {
                throw new Closed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closed();
        }
    }

    /** Stops the producer at its next hand-off and waits for it, so nothing it holds outlives the caller's work. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            producer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
