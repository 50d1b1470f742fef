package io.loyaltybridge.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Places orders at a rate on one thread, catching up in bursts: each wake-up places as many orders as the elapsed
 * time owes, so a scheduler that wakes late (a busy machine) does not lower the rate, only the evenness. Contacts
 * are taken round-robin, skipping those the caller still has an order pending for.
 */
final class Generator {
    private final BenchCrm crm;
    private final int rate;
    private final int seconds;
    private final BiConsumer<String, Long> place;
    private final Predicate<String> busy;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean contactsExhausted;

    /** {@code place} is given the contact and the {@link System#nanoTime()} at which its order was due. */
    Generator(BenchCrm crm, int rate, int seconds, BiConsumer<String, Long> place, Predicate<String> busy) {
        this.crm = crm;
        this.rate = rate;
        this.seconds = seconds;
        this.place = place;
        this.busy = busy;
        this.thread = new Thread(this::loop, "bench-generator");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean running() {
        return running;
    }

    /** Whether placing ever had to wait because every contact had an order pending. */
    boolean contactsExhausted() {
        return contactsExhausted;
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The generator alone, against a CRM nobody else uses: orders placed as fast as one thread can for the given
     * time (the same call as in the run: one order written to the CRM), per second.
     */
    static double ceiling(BenchCrm crm, int seconds) {
        AtomicInteger placed = new AtomicInteger();
        Generator g = new Generator(crm, Integer.MAX_VALUE, seconds, (c, due) -> {
            crm.placeOrder(c);
            placed.incrementAndGet();
        }, c -> false);
        long start = System.nanoTime();
        g.loop();
        return placed.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void loop() {
        long start = System.nanoTime();
        long ends = start + TimeUnit.SECONDS.toNanos(seconds);
        long total = (long) rate * seconds;
        long done = 0;
        try {
            while (running && done < total && System.nanoTime() < ends) {
                long owed = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
                while (done < owed && System.nanoTime() < ends) {
                    String contact = nextFree();
                    if (contact == null) {
                        contactsExhausted = true;
                        break; // every contact has an order pending: wait for the CRM to show some
                    }
                    place.accept(contact, start + (long) (done * 1e9 / rate));
                    done++;
                }
                Thread.sleep(2);
            }
            // Every order is due before the end, the last one a few milliseconds before it: a sleep that overshot
            // the end (a loaded machine wakes the thread late) must not leave it unplaced and counted as lost. So
            // when placing kept pace throughout and only the last 100 ms of orders are owed, they are placed now,
            // late, their latency counted from when they were due. Otherwise (every contact had an order pending:
            // the app behind; or the generator's own ceiling run) unplaced orders stay unplaced, as before.
            boolean overshot = total - done <= Math.max(1, rate / 10);
            while (running && overshot && done < total && !contactsExhausted) {
                String contact = nextFree();
                if (contact == null) {
                    contactsExhausted = true;
                    break;
                }
                place.accept(contact, start + (long) (done * 1e9 / rate));
                done++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    private String nextFree() {
        List<String> contacts = crm.contacts();
        for (int tries = 0; tries < contacts.size(); tries++) {
            String contact = contacts.get(Math.floorMod(next.getAndIncrement(), contacts.size()));
            if (!busy.test(contact)) {
                return contact;
            }
        }
        return null;
    }
}
